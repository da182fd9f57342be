# Every example in every cmdlet's help, run as written against the emulator: only the address and credential come
# from outside (UPSTASH_API_URL, UPSTASH_EMAIL, UPSTASH_API_KEY), as they would for a reader who set them. Each
# example runs in its own new runspace with the module imported and no host, so a prompt fails instead of hanging,
# and against a freshly reset emulator (the demo cluster, no connectors).

BeforeDiscovery {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest
    $examples = foreach ($command in Get-Command -Module Upstash.Kafka | Sort-Object Name) {
        $number = 0
        foreach ($example in @((Get-Help $command.Name -Full).examples.example)) {
            $number++
            if ($example.code) {
                @{ Command = $command.Name; Number = $number; Title = ($example.title -replace '^[-\s]+|[-\s]+$', ''); Code = $example.code }
            }
        }
    }
}

BeforeAll {
    . $PSScriptRoot/Shared.ps1
}

Describe 'Help examples run as written' {
    It '<Command>: <Title>' -ForEach $examples {
        Reset-Emulator
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$ModuleManifest' -ErrorAction Stop").AddStatement().AddScript($Code).AddCommand('Out-String')
            $pending = $shell.BeginInvoke()
            if (-not $pending.AsyncWaitHandle.WaitOne([timespan]::FromMinutes(2))) {
                $shell.Stop()
                throw "The example did not finish within two minutes:`n$Code"
            }

            try {
                $printed = $shell.EndInvoke($pending) -join "`n"
            }
            catch {
                throw "The example stopped with an error: $($_.Exception.InnerException.Message)`n$Code"
            }

            $errors = @($shell.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
            $errors | Should -BeNullOrEmpty -Because "the example should run without errors:`n$Code`n"
            $printed | Should -Not -BeLike "*$env:UPSTASH_API_KEY*"
        }
        finally {
            $shell.Dispose()
        }
    }
}
