# How a connector looks to a person: the default table, Format-List *, and every way of writing it out. Secret
# property values must read ******** everywhere; the clear values and the API key must appear nowhere.

BeforeAll {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest
    Reset-Emulator

    $uriPassword = 'uri-pw-' + [guid]::NewGuid().ToString('N')
    $databasePassword = 'db-pw-' + [guid]::NewGuid().ToString('N')
    $script:Secrets = @($uriPassword, $databasePassword, $env:UPSTASH_API_KEY)
    $script:Connector = New-UpstashKafkaConnector -Name 'orders-source' -ClusterId $DemoClusterId -ErrorAction Stop -Property @{
        'connector.class'   = 'com.mongodb.kafka.connect.MongoSourceConnector'
        'connection.uri'    = "mongodb://shop:$uriPassword@mongo.example.com:27017"
        'database.password' = $databasePassword
        'database'          = 'shop'
    }

    # The columns the module's format file chose for the default table view.
    $view = (Get-FormatData -TypeName Upstash.Kafka.KafkaConnector).FormatViewDefinition |
        Where-Object { $_.Control -is [System.Management.Automation.TableControl] }
    $columns = $view.Control.Rows[0].Columns
    $script:ChosenColumns = for ($i = 0; $i -lt $view.Control.Headers.Count; $i++) {
        if ($view.Control.Headers[$i].Label) { $view.Control.Headers[$i].Label } else { $columns[$i].DisplayEntry.Value }
    }

    function Should-HideSecrets([string] $Text) {
        foreach ($secret in $Secrets) {
            $Text | Should -Not -BeLike "*$secret*"
        }
    }
}

Describe 'The default table view' {
    It 'has a table view with 3 to 6 columns' {
        $ChosenColumns.Count | Should -BeIn (3..5)
    }

    It 'renders every chosen column header, in order, and the values' {
        $lines = @(($Connector | Out-String -Width 250) -split '\r?\n' | Where-Object { $_.Trim() })

        @($lines[0] -split '\s+' | Where-Object { $_ }) | Should -Be @($ChosenColumns)
        $lines[1] | Should -Match '^-+(\s+-+)+\s*$'
        $lines[2] | Should -BeLike "orders-source *pending*MongoSourceConnector*$((Get-Date).Year)-*"
        $lines.Count | Should -Be 3
    }

    It 'shows one row per connector for several connectors' {
        $more = 'a', 'b' | ForEach-Object {
            New-UpstashKafkaConnector -Name "extra-$_" -ClusterId $DemoClusterId -ConnectorClass 'io.debezium.connector.mysql.MySqlConnector' -Property @{ 'database.hostname' = 'db' } -ErrorAction Stop
        }

        $text = @($Connector) + $more | Out-String -Width 250
        $text | Should -Match '(?m)^orders-source '
        $text | Should -Match '(?m)^extra-a .*MySqlConnector'
        $text | Should -Match '(?m)^extra-b .*MySqlConnector'
    }

    # A redirected pwsh, and many terminals, format at 80 columns: the default view must fit there whole.
    It 'fits a default 80-column terminal without dropping or cutting a column' {
        $lines = @(($Connector | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })

        @($lines[0] -split '\s+' | Where-Object { $_ }) | Should -Be @($ChosenColumns)
        $lines[2] | Should -Not -Match '…'
    }

    It 'masks secrets in the table' {
        Should-HideSecrets ($Connector | Out-String -Width 250)
    }
}

Describe 'Format-List *' {
    BeforeAll {
        $script:List = $Connector | Format-List * | Out-String -Width 500
    }

    It 'shows every property of the object' {
        foreach ($name in $Connector.PSObject.Properties.Name) {
            $List | Should -Match "(?m)^$([regex]::Escape($name))\s*:"
        }
    }

    It 'shows secret property values as ********, and other values in clear' {
        $List | Should -Match '\[connection\.uri, \*{8}\]'
        $List | Should -Match '\[database\.password, \*{8}\]'
        $List | Should -Match '\[database, shop\]'
        Should-HideSecrets $List
    }

    It 'shows the properties dictionary itself masked' {
        $text = $Connector.Properties | Out-String -Width 250
        $text | Should -Match '(?m)^connection\.uri\s+\*{8}\s*$'
        Should-HideSecrets $text
    }
}

Describe 'Writing connectors out' {
    It 'ConvertTo-Json -Depth 5 carries every property, with secrets masked' {
        $json = $Connector | ConvertTo-Json -Depth 5
        $parsed = $json | ConvertFrom-Json

        $parsed.Name | Should -Be 'orders-source'
        $parsed.Properties.'connection.uri' | Should -Be '********'
        $parsed.Properties.'database.password' | Should -Be '********'
        $parsed.Properties.database | Should -Be 'shop'
        Should-HideSecrets $json
    }

    It 'Export-Csv writes a row per connector with no secret' {
        $csv = Join-Path $TestDrive 'connectors.csv'
        $Connector | Export-Csv -Path $csv

        $rows = @(Import-Csv $csv)
        $rows.Count | Should -Be 1
        $rows[0].Name | Should -Be 'orders-source'
        $rows[0].ConnectorId | Should -Be $Connector.ConnectorId
        # The configuration survives as text (not a type name), secrets masked.
        $rows[0].Properties | Should -BeLike '*connector.class=com.mongodb.kafka.connect.MongoSourceConnector*'
        $rows[0].Properties | Should -BeLike '*connection.uri=`*`*`*`*`*`*`*`**'
        Should-HideSecrets (Get-Content $csv -Raw)
    }

    It 'Export-Clixml keeps the masked values and no secret, and reads back' {
        $xml = Join-Path $TestDrive 'connector.xml'
        $Connector | Export-Clixml -Path $xml -Depth 5

        Should-HideSecrets (Get-Content $xml -Raw)
        $back = Import-Clixml $xml
        $back.Name | Should -Be 'orders-source'
        $back.Properties.'connection.uri' | Should -Be '********'
    }
}
