# Kafka Connect in a real shell: the emulator serves Kafka Connect's REST API at its root, so one emulator is both an
# Upstash API and a Kafka Connect cluster. What only a full shell shows: rendered tables, ConvertTo-Json, Export-Csv
# and Import-Csv, Export-Clixml, TabExpansion2, and pipelines that cross two connections.

BeforeAll {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest

    $script:kcPassword = 'kc-pester-pw-8812'
    $script:jdbc = 'io.aiven.connect.jdbc.JdbcSinkConnector'

    function New-KcSink([string] $Name, [object] $Connection) {
        New-UpstashKafkaConnector -Connection $Connection -Name $Name -Property @{
            'connector.class'     = $jdbc
            'topics'              = 'orders'
            'connection.url'      = 'jdbc:postgresql://db:5432/shop'
            'connection.password' = $kcPassword
        } -ErrorAction Stop
    }

    function Get-KcJournal { @(Get-EmulatorJournal | Where-Object { -not $_.path.StartsWith('/v2/') }) }
    function Get-UpstashJournal { @(Get-EmulatorJournal | Where-Object { $_.path.StartsWith('/v2/') }) }
}

Describe 'Two connections in one shell' {
    BeforeEach {
        Reset-Emulator
        # The session default is Upstash (from the environment); $kc is Kafka Connect, made without changing that.
        Disconnect-UpstashKafka
        $script:kc = Connect-UpstashKafka -KafkaConnectUri $env:UPSTASH_API_URL -NotDefault -PassThru
    }

    It 'shows a connection as kind, address, user and authentication, and no secret in JSON or Clixml' {
        $basic = Connect-UpstashKafka -KafkaConnectUri $env:UPSTASH_API_URL -NotDefault -PassThru `
            -Credential ([pscredential]::new('connect-admin', (ConvertTo-SecureString $kcPassword -AsPlainText -Force)))
        $table = $basic | Format-Table | Out-String -Width 200
        $table | Should -Match 'KafkaConnect'
        $table | Should -Match 'connect-admin'
        $json = $basic | ConvertTo-Json -Depth 5
        $json | Should -Match '"Authentication": "Basic"'
        $file = Join-Path $TestDrive 'connection.xml'
        $basic | Export-Clixml $file
        (Get-Content $file -Raw) + $json + $table | Should -Not -Match $kcPassword
    }

    It 'pipes a connector read from Kafka Connect back to Kafka Connect, never to the Upstash default' {
        $null = New-KcSink 'piped-kc' $kc
        Get-UpstashKafkaConnector -Connection $kc -Name 'piped-*' | Suspend-UpstashKafkaConnector -Wait -ErrorAction Stop |
            Stop-UpstashKafkaConnector -Wait -ErrorAction Stop | Resume-UpstashKafkaConnector -Wait -ErrorAction Stop |
            Remove-UpstashKafkaConnector -Force -ErrorAction Stop

        Get-UpstashJournal | Should -BeNullOrEmpty
        @(Get-KcJournal | Where-Object method -ne 'GET' | ForEach-Object { "$($_.method) $($_.path)" }) | Should -Be @(
            'POST /connectors'
            'PUT /connectors/piped-kc/pause'
            'PUT /connectors/piped-kc/stop'
            'PUT /connectors/piped-kc/resume'
            'DELETE /connectors/piped-kc')
    }

    It 'keeps Upstash and Kafka Connect connectors apart in one pipeline of both' {
        $upstash = New-UpstashKafkaConnector -Name 'on-upstash' -ClusterId $DemoClusterId -Property @{ 'connector.class' = 'com.mongodb.kafka.connect.MongoSourceConnector'; 'connection.uri' = 'mongodb://u:p4ss@db:27017' } -ErrorAction Stop
        $onKc = New-KcSink 'on-kafka-connect' $kc

        $upstash, $onKc | Suspend-UpstashKafkaConnector -ErrorAction Stop

        @(Get-UpstashJournal | Where-Object method -eq 'POST' | ForEach-Object path) | Should -Contain "/v2/kafka/connector/$($upstash.ConnectorId)/pause"
        @(Get-KcJournal | Where-Object method -eq 'PUT' | ForEach-Object path) | Should -Be @('/connectors/on-kafka-connect/pause')
    }

    It 'renders Kafka Connect connectors in the default table with their state, and masks secrets in JSON and CSV' {
        $null = New-KcSink 'rendered-sink' $kc
        $connectors = @(Get-UpstashKafkaConnector -Connection $kc | Wait-UpstashKafkaConnector -ErrorAction Stop)

        $table = $connectors | Out-String -Width 200
        $table | Should -Match 'rendered-sink\s+running'
        $json = $connectors | ConvertTo-Json -Depth 5 -EnumsAsStrings
        $json | Should -Match '"connection.password": "\*{8}"'
        $json | Should -Match '"Kind": "KafkaConnect"'
        $csv = Join-Path $TestDrive 'connectors.csv'
        $connectors | Export-Csv $csv
        (Get-Content $csv -Raw) + $json + $table | Should -Not -Match $kcPassword
    }

    It 'takes Import-Csv rows of Kafka Connect connectors to the session default, since a CSV cannot carry a connection' {
        $null = New-KcSink 'from-csv' $kc
        $csv = Join-Path $TestDrive 'rows.csv'
        Get-UpstashKafkaConnector -Connection $kc | Export-Csv $csv
        Connect-UpstashKafka -KafkaConnectUri $env:UPSTASH_API_URL

        Import-Csv $csv | Suspend-UpstashKafkaConnector -ErrorAction Stop

        @(Get-KcJournal | Where-Object method -eq 'PUT' | ForEach-Object path) | Should -Be @('/connectors/from-csv/pause')
    }

    It 'completes connector names from the Kafka Connect connection on the command line' {
        $null = New-KcSink 'completed-alpha' $kc
        $null = New-KcSink 'completed-beta' $kc
        $line = 'Get-UpstashKafkaConnector -Connection $kc -Name completed-'
        $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        @($matches.CompletionText) | Should -Be @('completed-alpha', 'completed-beta')
    }

    It 'completes -ConnectorClass from the plugins the Kafka Connect connection has installed' {
        $line = 'New-UpstashKafkaConnector -Connection $kc -Name x -ConnectorClass org.apache.kafka.connect.file.'
        $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        @($matches.CompletionText) | Should -Contain 'org.apache.kafka.connect.file.FileStreamSourceConnector'
        @($matches.ToolTip) -join ' ' | Should -Match 'Kafka Connect at'
    }

    It 'refuses an Upstash-only cmdlet on a Kafka Connect connection and sends nothing' {
        { Get-UpstashKafkaTopic -Connection $kc -ErrorAction Stop } | Should -Throw -ErrorId 'KafkaConnectNotSupported,Upstash.Kafka.Cmdlets.GetUpstashKafkaTopicCommand'
        Get-EmulatorJournal | Should -BeNullOrEmpty
    }

    It 'shows a failed task''s trace with Get-Error, and the 500 stack only in the details' {
        Add-EmulatorFault @{ kind = 'Status'; status = 500; method = 'GET'; path = '/connectors/nothing-here'; body = "Boom`n`tat org.apache.kafka.connect.Some.method(Some.java:1)"; count = 1 }
        $err = $null
        Get-UpstashKafkaConnector -Connection $kc -ConnectorId nothing-here -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Match 'Boom'
        $err[0].Exception.Message | Should -Not -Match 'Some.java'
        $err[0].ErrorDetails.Message | Should -Match 'Some.java'
    }
}

Describe 'Moving connectors between two connections, under faults' {
    BeforeEach {
        Reset-Emulator
        Disconnect-UpstashKafka
        $script:kc = Connect-UpstashKafka -KafkaConnectUri $env:UPSTASH_API_URL -NotDefault -PassThru
        $script:secret = 'mongodb://shop:move-pw-4410@mongo.example.com:27017'
        foreach ($name in 'move-a', 'move-b', 'move-c') {
            $null = New-UpstashKafkaConnector -Name $name -ClusterId $DemoClusterId -ErrorAction Stop -Property @{
                'connector.class' = 'com.mongodb.kafka.connect.MongoSourceConnector'
                'connection.uri'  = $secret
            }
        }
    }

    It 'copies through a lost reply and a rebalance without a duplicate, and a rerun is all Unchanged' {
        Add-EmulatorFault @{ kind = 'DropAfter'; method = 'POST'; path = '/connectors'; count = 1 }
        Add-EmulatorFault @{ kind = 'Status'; status = 409; method = 'POST'; path = '/connectors'; count = 1; body = 'Cannot complete request because of a conflicting operation (e.g. worker rebalance)' }

        $first = @(Get-UpstashKafkaConnector -ClusterId $DemoClusterId | Copy-UpstashKafkaConnector -Destination $kc -ThrottleLimit 2 -ErrorAction Stop 3>$null)
        $again = @(Get-UpstashKafkaConnector -ClusterId $DemoClusterId | Copy-UpstashKafkaConnector -Destination $kc -ErrorAction Stop)

        @($first.Outcome | Sort-Object -Unique) | Should -Be @('Created')
        @($again.Outcome | Sort-Object -Unique) | Should -Be @('Unchanged')
        @((Get-UpstashKafkaConnector -Connection $kc).Name | Sort-Object) | Should -Be @('move-a', 'move-b', 'move-c')
        ($first | Out-String -Width 200) + ($first | ConvertTo-Json -Depth 6) | Should -Not -Match 'move-pw-4410'
    }

    It 'syncs an Upstash export to Kafka Connect through a rebalance and then compares Unchanged' {
        $folder = Join-Path $TestDrive 'moved'
        $null = Export-UpstashKafkaConnector -ClusterId $DemoClusterId -Path $folder -InformationAction Ignore -ErrorAction Stop
        foreach ($name in 'MOVE_A', 'MOVE_B', 'MOVE_C') { Set-Item "env:UPSTASH_$($name)_CONNECTION_URI" $secret }
        Add-EmulatorFault @{ kind = 'Status'; status = 409; method = 'POST'; path = '/connectors'; count = 2; body = 'Cannot complete request momentarily due to no known leader URL, likely because a rebalance was underway.' }
        try {
            $synced = @(Sync-UpstashKafkaConnector -Path $folder -Connection $kc -ErrorAction Stop)
            $compared = @(Compare-UpstashKafkaConnector -Path $folder -Connection $kc -ErrorAction Stop)
        }
        finally {
            foreach ($name in 'MOVE_A', 'MOVE_B', 'MOVE_C') { Remove-Item "env:UPSTASH_$($name)_CONNECTION_URI" -ErrorAction SilentlyContinue }
        }

        @($synced.Outcome | Sort-Object -Unique) | Should -Be @('Created')
        @($compared.Action | Sort-Object -Unique) | Should -Be @('Unchanged')
        ($compared | Out-String -Width 200) | Should -Match 'move-a'
    }
}
