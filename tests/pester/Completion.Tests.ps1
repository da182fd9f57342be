# Tab completion as pwsh computes it for a person pressing Tab (TabExpansion2, what PSReadLine calls).

BeforeDiscovery {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest
    $exported = @(Get-Command -Module Upstash.Kafka | Sort-Object Name | ForEach-Object { @{ Name = $_.Name; Verb = $_.Verb } })
    $withClusterId = @(Get-Command -Module Upstash.Kafka | Where-Object { $_.Parameters.ContainsKey('ClusterId') } | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest

    function Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }

    function Test-HasCompleter([string] $Command, [string] $Parameter) {
        [bool]((Get-Command $Command).Parameters[$Parameter].Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] })
    }

    # A loopback port that nothing listens on: connecting is refused at once.
    function Get-ClosedPortUrl {
        $listener = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        "http://127.0.0.1:$port"
    }
}

Describe 'Cmdlet names' {
    It 'completes <Name> from its verb and the noun prefix' -ForEach $exported {
        @((Complete "$Verb-UpstashKafka").CompletionText) | Should -Contain $Name
    }

    It 'completes a unique prefix to the one cmdlet' {
        @((Complete 'New-UpstashKafkaConn').CompletionText) | Should -Be @('New-UpstashKafkaConnector')
    }
}

Describe 'New-UpstashKafkaConnector -ConnectorClass' {
    It 'offers the connector classes Upstash hosted, each with a description' {
        $offered = Complete 'New-UpstashKafkaConnector -ConnectorClass '
        $texts = @($offered.CompletionText) -replace "^'|'$", ''

        $texts | Should -Contain 'com.mongodb.kafka.connect.MongoSourceConnector'
        $texts | Should -Contain 'io.debezium.connector.postgresql.PostgresConnector'
        $texts | Should -Contain 'com.snowflake.kafka.connector.SnowflakeSinkConnector'
        $offered.Count | Should -BeGreaterOrEqual 12
        $offered | ForEach-Object { $_.ToolTip | Should -Not -BeNullOrEmpty }
    }

    It 'narrows to what was typed, case-insensitively' {
        $texts = @((Complete 'New-UpstashKafkaConnector -ConnectorClass mongo').CompletionText) -replace "^'|'$", ''

        $texts | Should -Contain 'com.mongodb.kafka.connect.MongoSourceConnector'
        $texts | Should -Contain 'com.mongodb.kafka.connect.MongoSinkConnector'
        $texts | Should -Contain 'io.debezium.connector.mongodb.MongoDbConnector'
        $texts | ForEach-Object { $_ | Should -Match '(?i)mongo' }
    }

    It 'inserts text that binds: the completed command runs (-WhatIf)' {
        $completion = (Complete 'New-UpstashKafkaConnector -ConnectorClass MongoSource')[0].CompletionText
        $line = "New-UpstashKafkaConnector -Name tab -ClusterId $DemoClusterId -Property @{ 'connection.uri' = 'mongodb://db' } -ConnectorClass $completion -WhatIf"

        { Invoke-Expression $line } | Should -Not -Throw
    }

    It 'needs no API: completes with no credential and an unreachable address, sending nothing' {
        Reset-Emulator
        $saved = $env:UPSTASH_API_URL, $env:UPSTASH_EMAIL, $env:UPSTASH_API_KEY
        try {
            $env:UPSTASH_API_URL = Get-ClosedPortUrl
            $env:UPSTASH_EMAIL = $null
            $env:UPSTASH_API_KEY = $null
            @((Complete 'New-UpstashKafkaConnector -ConnectorClass Snowflake').CompletionText) -replace "^'|'$", '' | Should -Be @('com.snowflake.kafka.connector.SnowflakeSinkConnector')
        }
        finally {
            $env:UPSTASH_API_URL, $env:UPSTASH_EMAIL, $env:UPSTASH_API_KEY = $saved
        }
    }
}

# Cluster ids come from the API, so these show the completer asks the emulator, and gives up quietly when it cannot.
# Until a cmdlet's -ClusterId has a completer these tests are skipped (with that reason), and pass once it exists.
Describe '<Name> -ClusterId' -ForEach $withClusterId {
    BeforeAll {
        $hasCompleter = Test-HasCompleter $Name 'ClusterId'
    }

    It 'completes the cluster ids the emulator has' {
        if (-not $hasCompleter) { Set-ItResult -Skipped -Because "$Name -ClusterId has no argument completer yet"; return }
        # Created once, before the first cluster completion: the completer caches its answer for 30 s per session,
        # so clusters added after that first answer would (rightly) not show until the cache expires.
        $script:second ??= Invoke-RestMethod -Method Post -Uri ($env:UPSTASH_API_URL.TrimEnd('/') + '/_emulator/clusters') -ContentType 'application/json' -Body '{"name":"second-cluster"}'
        $second = $script:second

        $texts = @((Complete "$Name -ClusterId ").CompletionText) -replace "^'|'$", ''
        $texts | Should -Contain $DemoClusterId
        $texts | Should -Contain $second.cluster_id
    }

    It 'offers no cluster id, and does not prompt, when the API cannot be reached or no credential is set' {
        if (-not $hasCompleter) { Set-ItResult -Skipped -Because "$Name -ClusterId has no argument completer yet"; return }
        $saved = $env:UPSTASH_API_URL, $env:UPSTASH_EMAIL, $env:UPSTASH_API_KEY
        try {
            $env:UPSTASH_API_URL = Get-ClosedPortUrl
            @((Complete "$Name -ClusterId ").CompletionText) -replace "^'|'$", '' | Should -Not -Contain $DemoClusterId

            $env:UPSTASH_API_URL, $env:UPSTASH_EMAIL, $env:UPSTASH_API_KEY = $saved[0], $null, $null
            @((Complete "$Name -ClusterId ").CompletionText) -replace "^'|'$", '' | Should -Not -Contain $DemoClusterId
        }
        finally {
            $env:UPSTASH_API_URL, $env:UPSTASH_EMAIL, $env:UPSTASH_API_KEY = $saved
        }
    }
}

Describe 'New-UpstashKafkaCluster -Region' {
    It 'offers the two regions of the contract without asking the API' {
        $env:UPSTASH_API_URL, $saved = (Get-ClosedPortUrl), $env:UPSTASH_API_URL
        try {
            @((Complete 'New-UpstashKafkaCluster -Name x -Region ').CompletionText) | Should -Be @('eu-west-1', 'us-east-1')
            @((Complete 'New-UpstashKafkaCluster -Name x -Region us').CompletionText) | Should -Be @('us-east-1')
        }
        finally {
            $env:UPSTASH_API_URL = $saved
        }
    }
}

Describe 'Remove-UpstashKafkaCredential -CredentialId' {
    BeforeAll {
        Reset-Emulator
        $script:Made = New-UpstashKafkaCredential -Name 'completion-writer' -ClusterId $DemoClusterId -Topic '*' -Permission Produce -ErrorAction Stop
    }

    It 'completes the id from the start of the credential''s name, with a tooltip' {
        $offered = @(Complete "Remove-UpstashKafkaCredential -CredentialId completion-w")

        $offered.CompletionText | Should -Be @($Made.CredentialId)
        $offered[0].ListItemText | Should -BeLike 'completion-writer (*'
        $offered[0].ToolTip | Should -BeLike '*Produce*'
    }
}
