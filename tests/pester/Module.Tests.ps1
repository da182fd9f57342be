# What a person sees when they import the module in a fresh pwsh.

BeforeAll {
    . $PSScriptRoot/Shared.ps1
}

Describe 'Importing the built module' {
    It 'prints nothing in a fresh pwsh: no output, no warning, no error' {
        $run = Invoke-FreshPwsh "Import-Module '$ModuleManifest'"

        $run.ExitCode | Should -Be 0
        $run.Printed.Trim() | Should -BeNullOrEmpty
    }

    It 'imports by name from PSModulePath, as an installed module does, without a word' {
        $modules = Split-Path (Split-Path $ModuleManifest)
        $run = Invoke-FreshPwsh "`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + `$env:PSModulePath; Import-Module Upstash.Kafka; (Get-Module Upstash.Kafka).Path"

        $run.ExitCode | Should -Be 0
        $run.Printed.Trim() | Should -BeLike '*Upstash.Kafka.dll'
    }

    It 'passes Test-ModuleManifest' {
        $manifest = Test-ModuleManifest -Path $ModuleManifest -ErrorAction Stop

        $manifest.Name | Should -Be 'Upstash.Kafka'
        $manifest.Version | Should -BeGreaterThan ([version]'0.0.0')
    }

    It 'exports exactly the cmdlets listed in the manifest, and nothing else' {
        Import-Module $ModuleManifest -Force
        $listed = (Import-PowerShellDataFile $ModuleManifest).CmdletsToExport | Sort-Object

        $exported = Get-Command -Module Upstash.Kafka
        @($exported.Name | Sort-Object) | Should -Be @($listed)
        @($exported.CommandType | Sort-Object -Unique) | Should -Be @('Cmdlet')
    }
}
