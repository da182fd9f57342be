# Windows PowerShell 5.1 and PowerShell 7.0 have no HttpClient.Send, so every call there goes through SendAsync, and
# so does any shell with UPSTASH_KAFKA_ASYNC_SEND=1. With the variable set, that path keeps its proofs here on .NET 10:
# a call, a retry, a timeout.

BeforeAll {
    $env:UPSTASH_KAFKA_ASYNC_SEND = '1'
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest
    Reset-Emulator
}

AfterAll {
    Remove-Item Env:UPSTASH_KAFKA_ASYNC_SEND -ErrorAction Ignore
}

Describe 'Calls sent asynchronously (UPSTASH_KAFKA_ASYNC_SEND=1)' {
    BeforeEach {
        Reset-Emulator
    }

    It 'says so in verbose, and creates, reads and removes a connector' {
        $created = New-UpstashKafkaConnector -Name 'async-orders' -ClusterId $DemoClusterId -Property @{ 'connector.class' = 'x' } -Verbose 4>&1 -ErrorAction Stop
        $verbose = @($created | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $connector = @($created | Where-Object { $_ -is [Upstash.Kafka.KafkaConnector] })

        $verbose[0].Message | Should -BeLike '*replies awaited asynchronously*'
        $connector | Should -HaveCount 1
        (Get-UpstashKafkaConnector -ConnectorId $connector[0].ConnectorId -ErrorAction Stop).Name | Should -Be 'async-orders'
        Remove-UpstashKafkaConnector -ConnectorId $connector[0].ConnectorId -Force -ErrorAction Stop
        @(Get-EmulatorJournal | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v2/kafka/connector' }) | Should -HaveCount 1
    }

    It 'repeats a read the API answered 503, once' {
        Add-EmulatorFault @{ kind = 'Status'; status = 503; method = 'GET'; path = '/v2/kafka/clusters'; count = 1 }

        $clusters = @(Get-UpstashKafkaCluster -ErrorAction Stop)

        $clusters.ClusterId | Should -Contain $DemoClusterId
        @(Get-EmulatorJournal | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/v2/kafka/clusters' }) | Should -HaveCount 2
    }

    It 'reports a reply that never comes as an OperationTimeout error, without waiting for it' {
        Add-EmulatorFault @{ kind = 'Delay'; delayMs = 20000; method = 'POST'; path = '/v2/kafka/connector'; count = 1 }
        Connect-UpstashKafka -Credential (Get-EmulatorCredential) -ApiUri $env:UPSTASH_API_URL -TimeoutSec 1
        try {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            New-UpstashKafkaConnector -Name 'async-slow' -ClusterId $DemoClusterId -Property @{ 'connector.class' = 'x' } -MaxRetry 0 -ErrorVariable failed -ErrorAction SilentlyContinue
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        }
        finally {
            Disconnect-UpstashKafka
        }

        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'NewConnectorTimeout,*'
    }
}
