# Get-Help as a person reads it in pwsh, for every cmdlet the module exports (whatever cmdlets exist).

BeforeDiscovery {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    $commands = Get-Command -Module Upstash.Kafka | Sort-Object Name | ForEach-Object {
        @{ Name = $_.Name; Parameters = @($_.Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object) }
    }
}

BeforeAll {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest
}

Describe 'Get-Help <Name> -Full' -ForEach $commands {
    BeforeAll {
        $help = Get-Help $Name -Full
        $page = Get-Help $Name -Full | Out-String -Width 200
    }

    It 'has a synopsis of its own (not the syntax PowerShell makes up when help is missing)' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -BeLike "$Name *"
        $page | Should -Match "SYNOPSIS\s+$([regex]::Escape($help.Synopsis.Trim().Split("`n")[0]))"
    }

    It 'has a description' {
        (@($help.description.Text) -join '').Trim() | Should -Not -BeNullOrEmpty
        $page | Should -Match '(?m)^DESCRIPTION'
    }

    It 'describes parameter -<_>' -ForEach $Parameters {
        $parameter = $help.parameters.parameter | Where-Object name -EQ $_
        $parameter | Should -Not -BeNullOrEmpty -Because "-$_ should have an entry in the help"
        (@($parameter.description.Text) -join '').Trim() | Should -Not -BeNullOrEmpty -Because "-$_ should be described"
        $page | Should -Match "(?m)^\s+-$_\b"
    }

    It 'has at least two examples, rendered with their code' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            $page | Should -BeLike "*$([WildcardPattern]::Escape($example.code.Split("`n")[0].Trim()))*"
        }
    }
}

Describe 'about_Upstash.Kafka' {
    It 'renders with Get-Help' {
        $page = Get-Help about_Upstash.Kafka | Out-String

        $page | Should -Match 'about_Upstash\.Kafka'
        $page | Should -Match 'UPSTASH_API_KEY'
        $page.Length | Should -BeGreaterThan 500
    }
}
