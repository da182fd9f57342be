# The module and the API agree: what New-UpstashKafkaConnector created is what a hand-written Invoke-RestMethod call
# with the same Basic credential finds on the server, secrets included in clear (the mask is for display only).

BeforeAll {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest
    Reset-Emulator

    $script:Secret = 'pw-' + [guid]::NewGuid().ToString('N')
    $script:Created = New-UpstashKafkaConnector -Name 'orders-sink' -ClusterId $DemoClusterId -ErrorAction Stop -Property @{
        'connector.class' = 'com.mongodb.kafka.connect.MongoSinkConnector'
        'topics'          = 'orders', 'refunds'
        'connection.uri'  = "mongodb://shop:$Secret@mongo.example.com:27017"
        'tasks.max'       = 2
    }
}

Describe 'A hand-written Invoke-RestMethod call' {
    It 'lists the connector the module created in its cluster' {
        $listed = @(Invoke-UpstashApi "/v2/kafka/connectors/$DemoClusterId")

        $listed.Count | Should -Be 1
        $listed[0].connector_id | Should -Be $Created.ConnectorId
        $listed[0].name | Should -Be 'orders-sink'
    }

    It 'gets the same connector the module wrote out' {
        $server = Invoke-UpstashApi "/v2/kafka/connector/$($Created.ConnectorId)"

        $server.name | Should -Be $Created.Name
        $server.cluster_id | Should -Be $Created.ClusterId
        $server.connector_class | Should -Be $Created.ConnectorClass
        $server.customer_id | Should -Be $env:UPSTASH_EMAIL
        $server.creation_time | Should -Be $Created.CreationTime.ToUnixTimeSeconds()
    }

    It 'sees the clear secret the module masked, and the values as Kafka Connect strings' {
        $Created.Properties['connection.uri'] | Should -Be '********'

        $properties = (Invoke-UpstashApi "/v2/kafka/connector/$($Created.ConnectorId)").properties
        $properties.'connection.uri' | Should -Be "mongodb://shop:$Secret@mongo.example.com:27017"
        $properties.topics | Should -Be 'orders,refunds'
        $properties.'tasks.max' | Should -Be '2'
    }

    It 'authenticated exactly as the module did' {
        $null = Invoke-UpstashApi "/v2/kafka/connector/$($Created.ConnectorId)"

        $journal = @(Get-EmulatorJournal)
        $byModule = $journal | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v2/kafka/connector' }
        $byHand = $journal | Where-Object { $_.method -eq 'GET' -and $_.path -eq "/v2/kafka/connector/$($Created.ConnectorId)" } | Select-Object -Last 1
        @($byModule).Count | Should -Be 1
        $byHand.headers.Authorization | Should -Be $byModule.headers.Authorization
        $byModule.headers.'User-Agent' | Should -Match '^Upstash\.Kafka/\d+\.\d+\.\d+ PowerShell/7\.6\.9 \(Core\)$'
    }
}
