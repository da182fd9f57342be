# Run by the benchmark as `dotnet pwsh -NoProfile -NonInteractive -File RealShell.ps1 -SettingsJson <json>`.
# Times, in one real pwsh process, what users compare the module with: Invoke-RestMethod with ConvertTo-Json per
# call, beside the hand-written HttpClient loop and the module itself. Prints one line of JSON and nothing else.
param([Parameter(Mandatory)] [string] $SettingsJson)

$ErrorActionPreference = 'Stop'
$s = $SettingsJson | ConvertFrom-Json
. (Join-Path $PSScriptRoot 'PerCallLoops.ps1')

# What users actually write: a hashtable turned into JSON on every call, and Invoke-RestMethod.
function Measure-RestMethodPost([int] $Count) {
    $ErrorActionPreference = 'Stop'
    $uri = $UpstashBench.CreateUri; $headers = $UpstashBench.Headers
    $name = $UpstashBench.Name; $clusterId = $UpstashBench.ClusterId; $properties = $UpstashBench.Properties
    $clock = [Diagnostics.Stopwatch]::StartNew()
    for ($i = 0; $i -lt $Count; $i++) {
        $body = @{ name = $name; cluster_id = $clusterId; properties = $properties } | ConvertTo-Json -Compress
        $null = Invoke-RestMethod -Method Post -Uri $uri -Headers $headers -ContentType 'application/json' -Body $body
    }
    $clock.Elapsed.TotalMilliseconds
}

$importClock = [Diagnostics.Stopwatch]::StartNew()
Import-Module $s.ModuleManifest
$importMs = $importClock.Elapsed.TotalMilliseconds

$key = ConvertTo-SecureString $s.ApiKey -AsPlainText -Force
Connect-UpstashKafka -Credential ([pscredential]::new($s.Email, $key)) -ApiUri $s.BaseUri
Initialize-BenchLoop -BaseUri $s.BaseUri -Email $s.Email -ApiKey $s.ApiKey -ClusterId $s.ClusterId -ConnectorId $s.ConnectorId `
    -Name $s.Name -ConnectorClass $s.ConnectorClass -ConnectionUri $s.ConnectionUri -CreateBody $s.CreateBody -Batch $s.Batch

$perCall = Invoke-BenchRound -Variant $s.Variants -Rounds $s.Rounds -Batch $s.Batch -WarmUpCalls $s.WarmUpCalls
[pscustomobject]@{
    PSVersion = $PSVersionTable.PSVersion.ToString()
    ImportMs  = $importMs
    PerCallMs = $perCall
} | ConvertTo-Json -Compress -Depth 4
