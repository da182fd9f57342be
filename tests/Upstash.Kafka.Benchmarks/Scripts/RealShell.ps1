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

# PowerShell's own price for a compiled cmdlet in a loop, in this shell (the in-process engine has a no-op cmdlet of its
# own for this): Write-Output of one object, about the least a cmdlet can do.
function Measure-WriteOutputFloor([int] $Count) {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    for ($i = 0; $i -lt $Count; $i++) {
        $null = Write-Output 1
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

# Once warm: the engine (IL only in the PowerShell tool package) and the module start at tier 0, and a cmdlet in a loop
# keeps the JIT busy for thousands of calls after the warm-up above. Keep running the warm variants in turn until the
# JIT is quiet, then time the same rounds again: the steady speed a long runbook reaches. The JIT works in bursts, so
# quiet means three stretches of 500 calls each in a row with next to no compilation.
$warm = @($s.WarmVariants)
$warmCalls = 0
$quiet = 0
while ($quiet -lt 3 -and $warmCalls -lt $s.MaxWarmCalls) {
    $jitBefore = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
    for ($b = 0; $b -lt 10; $b++) { foreach ($v in $warm) { $null = & "Measure-$v" $s.Batch } }
    $warmCalls += 10 * $s.Batch
    $quiet = if ([System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $jitBefore -le 5) { $quiet + 1 } else { 0 }
}
$warmPerCall = Invoke-BenchRound -Variant $warm -Rounds $s.Rounds -Batch $s.Batch -WarmUpCalls 0

[pscustomobject]@{
    PSVersion   = $PSVersionTable.PSVersion.ToString()
    ImportMs    = $importMs
    PerCallMs   = $perCall
    WarmCalls   = $warmCalls
    WarmPerCall = $warmPerCall
} | ConvertTo-Json -Compress -Depth 4
