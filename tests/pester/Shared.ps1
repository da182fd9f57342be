# Dot-sourced by every *.Tests.ps1 (in BeforeAll, and in BeforeDiscovery where a file builds tests from the module).
# The emulator's address and credential come from UPSTASH_API_URL, UPSTASH_EMAIL and UPSTASH_API_KEY, as they would
# for a person: the xunit lane (RealShell/PesterFileTests.cs) and build.ps1 set them.

$ModuleManifest = (Resolve-Path (Join-Path $PSScriptRoot '../../out/Upstash.Kafka/Upstash.Kafka.psd1')).Path
$DemoClusterId = '7568431c-88d5-4409-a808-2167f22a7133'

function Get-EmulatorCredential {
    [pscredential]::new($env:UPSTASH_EMAIL, (ConvertTo-SecureString $env:UPSTASH_API_KEY -AsPlainText -Force))
}

# A hand-written call to the API, as a person would make one with Invoke-RestMethod and the same Basic credential.
# Invoke-RestMethod writes a JSON array as one object; ForEach-Object unrolls it so callers get one item per element.
function Invoke-UpstashApi([string] $Path, [string] $Method = 'Get') {
    Invoke-RestMethod -Method $Method -Uri ($env:UPSTASH_API_URL.TrimEnd('/') + $Path) -Authentication Basic `
        -Credential (Get-EmulatorCredential) -AllowUnencryptedAuthentication | ForEach-Object { $_ }
}

# The emulator's control plane (no auth): back to the demo cluster only, no connectors, empty journal.
function Reset-Emulator {
    $null = Invoke-RestMethod -Method Post -Uri ($env:UPSTASH_API_URL.TrimEnd('/') + '/_emulator/reset')
}

function Get-EmulatorJournal {
    Invoke-RestMethod -Uri ($env:UPSTASH_API_URL.TrimEnd('/') + '/_emulator/journal') | ForEach-Object { $_ }
}

# A fault rule for the emulator's next matching requests, as README's "The local emulator" describes them, e.g.
# @{ kind = 'Status'; status = 503; method = 'GET'; path = '/v2/kafka/clusters'; count = 1 }.
function Add-EmulatorFault([hashtable] $Rule) {
    $null = Invoke-RestMethod -Method Post -Uri ($env:UPSTASH_API_URL.TrimEnd('/') + '/_emulator/faults') `
        -Body ($Rule | ConvertTo-Json) -ContentType 'application/json'
}

# Runs a command in a new pwsh process, the same pwsh as this one (the .NET tool or an installed one); returns its exit
# code and everything it printed, standard error included.
function Invoke-FreshPwsh([string] $Command) {
    $pwsh = @([Environment]::ProcessPath)
    if ([IO.Path]::GetFileNameWithoutExtension($pwsh[0]) -eq 'dotnet') {
        $pwsh += [Environment]::GetCommandLineArgs()[0]   # dotnet <path>/pwsh.dll
    }

    $printed = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $Command 2>&1 | Out-String
    [pscustomobject]@{ ExitCode = $LASTEXITCODE; Printed = $printed }
}
