# Test-UpstashKafkaConnectorConfig as a person sees it in pwsh: the results table at 80 columns with every problem
# readable, the problems table, and the ways a CI job writes results out (ConvertTo-Json, Export-Csv). No secret
# value reaches any of them, not even one that fails a check.

BeforeAll {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest

    $script:UriSecret = 'uri-pw-' + [guid]::NewGuid().ToString('N')
    $script:KeySecret = 'key-' + [guid]::NewGuid().ToString('N')
    $script:Folder = Join-Path $TestDrive 'connectors'
    $null = New-Item -ItemType Directory -Path $Folder
    @{
        name   = 'orders-source'
        config = @{
            'connector.class' = 'com.mongodb.kafka.connect.MongoSourceConnector'
            'connection.uri'  = "postgres://app:$UriSecret@db.example.com"
            'tasks.max'       = 'four'
        }
    } | ConvertTo-Json | Set-Content -Path (Join-Path $Folder 'orders-source.json')
    @(
        'name=archive-sink'
        'connector.class=io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector'
        'topics=orders'
        'aws.access.key.id=AKIAEXAMPLE'
        "aws.secret.access.key=$KeySecret"
        'aws.s3.bucket.name=archive'
        'aws.s3.region=eu-west-1'
        'value.converter=io.confluent.connect.avro.AvroConverter'
    ) | Set-Content -Path (Join-Path $Folder 'archive-sink.properties')

    $script:Results = @(Test-UpstashKafkaConnectorConfig -Path $Folder)

    function Should-HideSecrets([string] $Text) {
        $Text | Should -Not -BeLike "*$UriSecret*"
        $Text | Should -Not -BeLike "*$KeySecret*"
    }
}

Describe 'The results' {
    It 'has one result per file, invalid and valid-with-a-warning' {
        $Results.Count | Should -Be 2
        ($Results | Where-Object Name -EQ 'orders-source').IsValid | Should -BeFalse
        ($Results | Where-Object Name -EQ 'archive-sink').IsValid | Should -BeTrue
        ($Results | Where-Object Name -EQ 'archive-sink').Problems.Severity | Should -Be 'Warning'
    }
}

Describe 'The default table view' {
    It 'shows Name, IsValid and every problem, whole, at 80 columns' {
        $text = $Results | Out-String -Width 80
        $lines = @($text -split '\r?\n' | Where-Object { $_.Trim() })

        @($lines[0] -split '\s+' | Where-Object { $_ }) | Should -Be @('Name', 'IsValid', 'Problems')
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $text | Should -Match '(?m)^archive-sink\s+True\s+Warning: value\.converter'
        $text | Should -Match '(?m)^orders-source\s+False\s+Error: '
        # Wrapped, not cut: every message is all there once the lines are joined (wrapping may eat a space).
        $joined = ($lines | ForEach-Object { $_.Substring([Math]::Min(29, $_.Length)) }) -join '' -replace '\s'
        $joined | Should -BeLike '*tasks.maxmustbeawholenumberofatleast1.*'
        $joined | Should -BeLike '*connection.urimustbeaMongoDBconnectionstring(mongodb://ormongodb+srv://).*'
        $text | Should -Not -Match '…'
        Should-HideSecrets $text
    }

    It 'shows the problems of one connector as a Severity, Key, Message table' {
        $text = ($Results | Where-Object Name -EQ 'orders-source').Problems | Out-String -Width 120
        $lines = @($text -split '\r?\n' | Where-Object { $_.Trim() })

        @($lines[0] -split '\s+' | Where-Object { $_ }) | Should -Be @('Severity', 'Key', 'Message')
        $text | Should -Match '(?m)^Error\s+connection\.uri\s+connection\.uri must be'
        $text | Should -Match '(?m)^Error\s+tasks\.max\s+tasks\.max must be'
        Should-HideSecrets $text
    }
}

Describe 'Writing results out' {
    It 'ConvertTo-Json carries name, path, validity and problems, and no secret' {
        $json = $Results | ConvertTo-Json -Depth 5
        $parsed = $json | ConvertFrom-Json

        $orders = $parsed | Where-Object Name -EQ 'orders-source'
        $orders.Path | Should -Be (Join-Path $Folder 'orders-source.json')
        $orders.IsValid | Should -BeFalse
        @($orders.Problems.Key) | Should -Contain 'tasks.max'
        Should-HideSecrets $json
    }

    It 'Export-Csv writes a row per connector with the problems as text, and no secret' {
        $csv = Join-Path $TestDrive 'results.csv'
        $Results | Export-Csv -Path $csv

        $rows = @(Import-Csv $csv)
        $rows.Count | Should -Be 2
        ($rows | Where-Object Name -EQ 'orders-source').IsValid | Should -Be 'False'
        Should-HideSecrets (Get-Content $csv -Raw)
    }

    It 'the string form says how many errors and warnings a connector has' {
        "$($Results | Where-Object Name -EQ 'archive-sink')" | Should -Be 'archive-sink: valid, 0 error(s), 1 warning(s)'
    }
}

Describe 'In a script' {
    It '-Quiet gates a deployment: $false for the folder, $true for the valid file' {
        Test-UpstashKafkaConnectorConfig -Path $Folder -Quiet | Should -BeFalse
        Test-UpstashKafkaConnectorConfig -Path (Join-Path $Folder 'archive-sink.properties') -Quiet | Should -BeTrue
    }

    It 'completes file names for -Path' {
        $line = "Test-UpstashKafkaConnectorConfig -Path $(Join-Path $Folder 'arch')"
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length

        $completion.CompletionMatches.CompletionText | Should -Contain (Join-Path $Folder 'archive-sink.properties')
    }
}
