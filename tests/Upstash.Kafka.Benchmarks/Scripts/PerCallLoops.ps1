# The timed PowerShell loops of the benchmark. The in-process engine and the real pwsh both dot-source this file, so
# both run exactly the same PowerShell. Each Measure-* function makes $Count calls in one loop and returns the elapsed
# milliseconds; Invoke-BenchRound lets the variants take turns, so drift in the machine's speed touches them alike.
# Only core cmdlets are used here (the in-process engine has nothing else); Invoke-RestMethod lives in RealShell.ps1.
# The loop bodies repeat on purpose: a helper function called on every iteration would add PowerShell's function-call
# cost to exactly what is being measured.

function Initialize-BenchLoop {
    param(
        [Parameter(Mandatory)] [uri] $BaseUri,
        [Parameter(Mandatory)] [string] $Email,
        [Parameter(Mandatory)] [string] $ApiKey,
        [Parameter(Mandatory)] [string] $ClusterId,
        [Parameter(Mandatory)] [string] $ConnectorId,
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $ConnectorClass,
        [Parameter(Mandatory)] [string] $ConnectionUri,
        [Parameter(Mandatory)] [string] $CreateBody,
        [Parameter(Mandatory)] [int] $Batch
    )

    # What a careful script author writes without the module: one HttpClient for the whole script, the
    # Authorization header built once, the body text ready-made.
    $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${Email}:${ApiKey}"))
    $client = [System.Net.Http.HttpClient]::new()
    $client.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Basic', $basic)
    $client.DefaultRequestHeaders.Accept.Add([System.Net.Http.Headers.MediaTypeWithQualityHeaderValue]::new('application/json'))
    $properties = @{ 'connector.class' = $ConnectorClass; 'connection.uri' = $ConnectionUri }

    $global:UpstashBench = @{
        Client       = $client
        CreateUri    = [uri]::new($BaseUri, 'v2/kafka/connector')
        GetUri       = [uri]::new($BaseUri, "v2/kafka/connector/$ConnectorId")
        Headers      = @{ Authorization = "Basic $basic"; Accept = 'application/json' }
        CreateBody   = $CreateBody
        Name         = $Name
        ClusterId    = $ClusterId
        ConnectorId  = $ConnectorId
        Properties   = $properties
        # Pipeline input built ahead, outside every timed loop.
        CreateInputs = @(for ($i = 0; $i -lt $Batch; $i++) { [pscustomobject]@{ Name = $Name; ClusterId = $ClusterId; Property = $properties } })
    }
}

function Measure-HandWrittenPost([int] $Count) {
    $ErrorActionPreference = 'Stop'
    $client = $UpstashBench.Client; $uri = $UpstashBench.CreateUri; $body = $UpstashBench.CreateBody
    $clock = [Diagnostics.Stopwatch]::StartNew()
    for ($i = 0; $i -lt $Count; $i++) {
        $content = [System.Net.Http.StringContent]::new($body, [Text.Encoding]::UTF8, 'application/json')
        $response = $client.PostAsync($uri, $content).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) { throw "Create failed: $([int]$response.StatusCode) $text" }
        $response.Dispose()
    }
    $clock.Elapsed.TotalMilliseconds
}

function Measure-HandWrittenPipeline([int] $Count) {
    $ErrorActionPreference = 'Stop'
    $client = $UpstashBench.Client; $uri = $UpstashBench.CreateUri; $body = $UpstashBench.CreateBody
    $inputs = $UpstashBench.CreateInputs[0..($Count - 1)]
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $inputs | ForEach-Object {
        $content = [System.Net.Http.StringContent]::new($body, [Text.Encoding]::UTF8, 'application/json')
        $response = $client.PostAsync($uri, $content).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) { throw "Create of $($_.Name) failed: $([int]$response.StatusCode) $text" }
        $response.Dispose()
    }
    $clock.Elapsed.TotalMilliseconds
}

function Measure-ModulePost([int] $Count) {
    $ErrorActionPreference = 'Stop'
    $name = $UpstashBench.Name; $clusterId = $UpstashBench.ClusterId; $properties = $UpstashBench.Properties
    $clock = [Diagnostics.Stopwatch]::StartNew()
    for ($i = 0; $i -lt $Count; $i++) {
        $null = New-UpstashKafkaConnector -Name $name -ClusterId $clusterId -Property $properties
    }
    $clock.Elapsed.TotalMilliseconds
}

function Measure-ModulePipeline([int] $Count) {
    $ErrorActionPreference = 'Stop'
    $inputs = $UpstashBench.CreateInputs[0..($Count - 1)]
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $null = $inputs | New-UpstashKafkaConnector
    $clock.Elapsed.TotalMilliseconds
}

# PowerShell's own price for invoking a compiled cmdlet that does nothing (Measure-BenchStream, registered only in
# the in-process engine): the floor under any binary module's per-call cost.
function Measure-CmdletFloor([int] $Count) {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    for ($i = 0; $i -lt $Count; $i++) {
        $null = Measure-BenchStream
    }
    $clock.Elapsed.TotalMilliseconds
}

function Measure-HandWrittenGet([int] $Count) {
    $ErrorActionPreference = 'Stop'
    $client = $UpstashBench.Client; $uri = $UpstashBench.GetUri
    $clock = [Diagnostics.Stopwatch]::StartNew()
    for ($i = 0; $i -lt $Count; $i++) {
        $response = $client.GetAsync($uri).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) { throw "Get failed: $([int]$response.StatusCode) $text" }
        $response.Dispose()
    }
    $clock.Elapsed.TotalMilliseconds
}

# The fair comparison for a read: the GET by hand and its reply turned into an object, as Get-UpstashKafkaConnector
# does. ConvertFrom-Json when the session has it (real pwsh); the in-process engine has only the core cmdlets, so
# there the reply is parsed with Newtonsoft's JToken.Parse (the parser ConvertFrom-Json itself uses, without its
# conversion to PSObject: a cheaper baseline, so a stricter target).
function Measure-HandWrittenGetConverted([int] $Count) {
    $ErrorActionPreference = 'Stop'
    $client = $UpstashBench.Client; $uri = $UpstashBench.GetUri
    $useCmdlet = [bool](Get-Command ConvertFrom-Json -ErrorAction Ignore)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    for ($i = 0; $i -lt $Count; $i++) {
        $response = $client.GetAsync($uri).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) { throw "Get failed: $([int]$response.StatusCode) $text" }
        if ($useCmdlet) {
            $null = $text | ConvertFrom-Json
        } else {
            $null = [Newtonsoft.Json.Linq.JToken]::Parse($text)
        }
        $response.Dispose()
    }
    $clock.Elapsed.TotalMilliseconds
}

function Measure-ModuleGet([int] $Count) {
    $ErrorActionPreference = 'Stop'
    $connectorId = $UpstashBench.ConnectorId
    $clock = [Diagnostics.Stopwatch]::StartNew()
    for ($i = 0; $i -lt $Count; $i++) {
        $null = Get-UpstashKafkaConnector -ConnectorId $connectorId
    }
    $clock.Elapsed.TotalMilliseconds
}

# Warms every variant up, then runs $Rounds rounds in which each variant makes $Batch calls in turn. The order
# rotates from round to round, so no variant always runs right after another, and a round is short, so a burst of
# load from elsewhere on the machine falls on the variants of that round alike (ratios are taken round by round).
# Returns @{ Variant = [double[]] milliseconds per call, one per round; 'Variant/bytes' = @(bytes allocated per call);
# 'Variant/jit' = @(methods compiled per timed call) }.
function Invoke-BenchRound {
    param([string[]] $Variant, [int] $Rounds, [int] $Batch, [int] $WarmUpCalls)

    foreach ($v in $Variant) {
        for ($done = 0; $done -lt $WarmUpCalls; $done += $Batch) { $null = & "Measure-$v" $Batch }
    }

    # Methods the JIT compiled while each variant's rounds ran (new code and tier-ups, on any thread): how far the code
    # a variant runs still was from warm when it was timed.
    $perCall = @{}
    $compiled = @{}
    foreach ($v in $Variant) { $perCall[$v] = [double[]]::new($Rounds); $compiled[$v] = 0 }
    for ($round = 0; $round -lt $Rounds; $round++) {
        for ($k = 0; $k -lt $Variant.Count; $k++) {
            $v = $Variant[($round + $k) % $Variant.Count]
            $jitBefore = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
            $perCall[$v][$round] = (& "Measure-$v" $Batch) / $Batch
            $compiled[$v] += [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $jitBefore
        }
    }
    foreach ($v in $Variant) { $perCall["$v/jit"] = [double[]]@($compiled[$v] / ($Rounds * $Batch)) }

    # Memory allocated per call (this process, all threads): unlike time, it does not depend on the machine's load.
    foreach ($v in $Variant) {
        $before = [GC]::GetTotalAllocatedBytes($true)
        $null = & "Measure-$v" $Batch
        $perCall["$v/bytes"] = [double[]]@(([GC]::GetTotalAllocatedBytes($true) - $before) / $Batch)
    }

    $perCall
}
