# Connector plugins and offsets in a real shell: the default tables as a person sees them (wide and at 80 columns),
# ConvertTo-Json of an offset and back, and completion. What each cmdlet sends is proven in xunit
# (KafkaConnect/ConnectorOffsetTests.cs, ConnectorPluginTests.cs).

BeforeAll {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest

    $script:offsetsPassword = 'offsets-pester-pw-5521'

    # A JDBC sink of two topics, running: the emulator then commits kafka_offset 0 on partition 0 of each.
    function New-OffsetsSink([string] $Name) {
        New-UpstashKafkaConnector -Connection $kc -Name $Name -ConnectorClass 'io.aiven.connect.jdbc.JdbcSinkConnector' -Property @{
            'connection.url'      = 'jdbc:postgresql://db:5432/shop'
            'connection.password' = $offsetsPassword
            'topics'              = 'orders,refunds'
        } -Wait -ErrorAction Stop
    }
}

Describe 'Connector plugins and offsets in a real shell' {
    BeforeEach {
        Reset-Emulator
        # The session default stays Upstash (from the environment): everything here goes through $kc.
        $script:kc = Connect-UpstashKafka -KafkaConnectUri $env:UPSTASH_API_URL -NotDefault -PassThru
    }

    It 'renders plugins as Type, Version and Class, and wraps long class names at 80 columns instead of cutting them' {
        $plugins = Get-UpstashKafkaConnectorPlugin -Connection $kc -ErrorAction Stop

        $wide = $plugins | Out-String -Width 200
        $wide | Should -Match '(?m)^Type\s+Version\s+Class\s*$'
        $wide | Should -Match '(?m)^Transformation\s+3\.9\.0\s+org\.apache\.kafka\.connect\.transforms\.RegexRouter\s*$'
        $wide | Should -Match '(?m)^HeaderConverter\s+org\.apache\.kafka\.connect\.storage\.SimpleHeaderConverter\s*$'
        $wide | Should -Match '(?m)^Sink\s+6\.10\.0\s+io\.aiven\.connect\.jdbc\.JdbcSinkConnector\s*$'

        $narrow = $plugins | Out-String -Width 80
        @($narrow -split "`r?`n" | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
        $narrow | Should -Not -Match ([regex]::Escape([string][char]0x2026))
        ($narrow -replace '\s', '') | Should -Match 'org\.apache\.kafka\.connect\.transforms\.predicates\.TopicNameMatches'
    }

    It 'renders a sink''s offsets as topic-partition and number, a source''s as its own keys, and a cleared offset as (reset)' {
        $null = New-OffsetsSink 'rendered-offsets'
        $null = New-UpstashKafkaConnector -Connection $kc -Name 'rendered-source' -Property @{
            'connector.class' = 'org.apache.kafka.connect.file.FileStreamSourceConnector'
            'file'            = '/data/in.txt'
            'topic'           = 'lines'
        } -Wait -ErrorAction Stop
        $offsets = @(Get-UpstashKafkaConnectorOffset -Connection $kc -Name 'rendered-offsets', 'rendered-source' -ErrorAction Stop)

        $table = $offsets | Out-String -Width 80
        $table | Should -Match '(?m)^ConnectorName\s+Partition\s+Offset\s*$'
        $table | Should -Match '(?m)^rendered-offsets\s+orders-0\s+0\s*$'
        $table | Should -Match '(?m)^rendered-offsets\s+refunds-0\s+0\s*$'
        $table | Should -Match '(?m)^rendered-source\s+filename=/data/in\.txt\s+position=0\s*$'
        @($table -split "`r?`n" | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty

        $offsets[0].Offset = $null
        $offsets[0] | Out-String -Width 80 | Should -Match '-0\s+\(reset\)'
    }

    It 'writes an offset as JSON with its maps as objects and numbers as numbers, and sends it back from that JSON' {
        $null = New-OffsetsSink 'json-offsets'
        $orders = Get-UpstashKafkaConnectorOffset -Connection $kc -Name 'json-offsets' -ErrorAction Stop | Where-Object { $_.Partition.kafka_topic -eq 'orders' }

        $json = $orders | ConvertTo-Json -Depth 4 -EnumsAsStrings
        $json | Should -Match '"ConnectorName": "json-offsets"'
        $json | Should -Match '"kafka_topic": "orders"'
        $json | Should -Match '"kafka_partition": 0\b'
        $json | Should -Match '"kafka_offset": 0\b'
        $json | Should -Match '"Kind": "KafkaConnect"'
        $json | Should -Not -Match $offsetsPassword

        # Saved before a change, restored later: ConvertFrom-Json gives PSCustomObjects, which -Offset takes as maps.
        $saved = $json | ConvertFrom-Json
        $saved.Offset.kafka_offset = 5
        $null = Stop-UpstashKafkaConnector -Connection $kc -ConnectorId 'json-offsets' -Wait -ErrorAction Stop
        Set-UpstashKafkaConnectorOffset -Connection $kc -Name 'json-offsets' -Offset @{ partition = $saved.Partition; offset = $saved.Offset } -ErrorAction Stop

        $patch = @(Get-EmulatorJournal | Where-Object method -EQ 'PATCH')
        $patch.Count | Should -Be 1
        ($patch[0].body | ConvertFrom-Json).offsets[0].offset.kafka_offset | Should -Be 5
        (Get-UpstashKafkaConnectorOffset -Connection $kc -Name 'json-offsets' | Where-Object { $_.Partition.kafka_topic -eq 'orders' }).Offset.kafka_offset | Should -Be 5
    }

    It 'completes -Name from the connectors of -Connection, and -Type from the plugin types' {
        $null = New-OffsetsSink 'completed-offsets-sink'

        $line = 'Get-UpstashKafkaConnectorOffset -Connection $kc -Name completed-off'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Be @('completed-offsets-sink')
        $line = 'Get-UpstashKafkaConnectorPlugin -Type Head'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Be @('HeaderConverter')
    }
}
