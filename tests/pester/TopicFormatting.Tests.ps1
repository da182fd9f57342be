# How topics and statistics look to a person: the default tables at 80 columns, and every way of writing a topic out.
# The topic's Kafka password (the cluster's, which the API returns in clear) must appear nowhere but in its
# Credential, as a SecureString.

BeforeAll {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest
    Reset-Emulator

    $script:Topic = New-UpstashKafkaTopic -Name 'orders-with-a-rather-long-name-for-a-topic' -ClusterId $DemoClusterId -Partitions 12 -RetentionTime ([timespan]::FromDays(3)) -RetentionSize 512MB -ErrorAction Stop
    $script:Password = (Invoke-UpstashApi "/v2/kafka/topic/$($Topic.TopicId)").password

    function Get-Columns([string] $TypeName) {
        $view = (Get-FormatData -TypeName $TypeName).FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }
        @($view.Control.Headers.Label)
    }

    # Renders at 80 columns and checks the header shows every chosen column, whole, and no value is cut.
    function Should-FitEightyColumns($Value, [string] $TypeName) {
        $lines = @(($Value | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })
        @($lines[0] -split '\s+' | Where-Object { $_ }) | Should -Be (Get-Columns $TypeName)
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $lines[2..($lines.Count - 1)] | ForEach-Object { $_ | Should -Not -Match '…' }
    }
}

Describe 'The default table views' {
    It 'shows a topic in 3 to 5 columns that fit 80 characters, the name whole up to its column' {
        (Get-Columns Upstash.Kafka.KafkaTopic).Count | Should -BeIn (3..5)
        $lines = @(($Topic | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })
        $lines[0] -split '\s+' | Where-Object { $_ } | Should -Be (Get-Columns Upstash.Kafka.KafkaTopic)
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $lines[2] | Should -Match '^orders-with-a-rather-long.*\s12\s+3\.00:00:00\s+536870912\s+delete\s*$'
    }

    It 'shows statistics in tables that fit 80 columns' {
        Should-FitEightyColumns (Get-UpstashKafkaTopicStatistic -TopicId $Topic.TopicId) Upstash.Kafka.KafkaTopicStatistic
        Should-FitEightyColumns (Get-UpstashKafkaClusterStatistic -ClusterId $DemoClusterId) Upstash.Kafka.KafkaClusterStatistic
        Should-FitEightyColumns (Get-UpstashKafkaClusterStatistic -ClusterId $DemoClusterId).DailyProduce Upstash.Kafka.KafkaStatisticPoint
    }
}

Describe 'Writing a topic out' {
    It 'never shows the password in a table, a list, JSON, CSV or CLIXML' {
        $Password | Should -Not -BeNullOrEmpty
        $csv = Join-Path $TestDrive 'topics.csv'
        $xml = Join-Path $TestDrive 'topic.xml'
        $Topic | Export-Csv -Path $csv
        $Topic | Export-Clixml -Path $xml -Depth 5
        $texts = @(
            ($Topic | Out-String -Width 250)
            ($Topic | Format-List * | Out-String -Width 250)
            ($Topic | ConvertTo-Json -Depth 5)
            (Get-Content $csv -Raw)
            "$Topic"
        )

        foreach ($text in $texts) {
            $text | Should -Not -BeLike "*$Password*"
        }
        (Import-Csv $csv).Name | Should -Be $Topic.Name
    }

    It 'keeps the password in a PSCredential that a Kafka client can use' {
        $Topic.Credential | Should -BeOfType [pscredential]
        $Topic.Credential.UserName | Should -Be $Topic.Username
        $Topic.Credential.GetNetworkCredential().Password | Should -Be $Password
        ($Topic | ConvertTo-Json -Depth 5 | ConvertFrom-Json).RetentionTime.TotalDays | Should -Be 3
    }
}
