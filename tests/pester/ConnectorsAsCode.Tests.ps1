# Connectors as code in a real shell: the README section's script, taken from README.md and run as written, and what only a full shell
# shows (the plan as a rendered table, ConvertTo-Json and Export-Csv of the results) free of secrets.

BeforeAll {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest
    $readme = Get-Content -Raw (Join-Path $PSScriptRoot '../../README.md')
    $script:ReadmeScript = [regex]::Match($readme, '(?s)<!-- ascode -->.*?```powershell\r?\n(.*?)```').Groups[1].Value
}

Describe 'The README section "Connectors as code"' {
    BeforeAll {
        Reset-Emulator
        $ReadmeScript | Should -Not -BeNullOrEmpty -Because 'README.md has a ```powershell block between <!-- ascode --> markers'
        $script:Script = $ReadmeScript

        $Error.Clear()
        $script:Printed = & ([scriptblock]::Create($Script)) | Out-String -Width 120
        $script:Failures = @($Error)
    }

    It 'runs without errors' {
        $Failures | Should -BeNullOrEmpty
    }

    It 'ends with both connectors on the cluster, the sink paused, and no connector twice' {
        $connectors = @(Get-UpstashKafkaConnector -ClusterId $DemoClusterId)
        ($connectors.Name | Sort-Object) -join ',' | Should -Be 'orders-sink,orders-source'
        ($connectors | Where-Object Name -eq 'orders-sink').State | Should -Be 'paused'
        (Get-UpstashKafkaConnector -ClusterId $DemoClusterId -Name orders-source -IncludeSecret).Properties['tasks.max'] | Should -Be '2'
    }

    It 'shows the plan and the results without the secret' {
        $Printed | Should -Match 'Update\s+orders-source'
        $Printed | Should -Match 'Create\s+orders-sink'
        $Printed | Should -Match 'Unchanged\s+orders-source'
        $Printed | Should -Not -BeLike '*s3cret*'
    }

    It 'sends no change on the second sync' {
        $changes = @(Get-EmulatorJournal | Where-Object { $_.method -ne 'GET' })
        # The create of the first connector, one update, one create and one pause: nothing from the second sync.
        $changes.Count | Should -Be 4
    }
}

Describe 'Compare and Sync results in a real shell' {
    BeforeAll {
        Reset-Emulator
        $secret = 'pester-secret-' + [guid]::NewGuid().ToString('N')
        $script:Secrets = @($secret, $env:UPSTASH_API_KEY)
        $env:PESTER_ASCODE_URI = "mongodb://app:$secret@db.example.com:27017"
        $script:Folder = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "ascode-$([guid]::NewGuid())")).FullName
        @{ name = 'plan-orders'; config = @{ 'connector.class' = 'com.mongodb.kafka.connect.MongoSourceConnector'; 'connection.uri' = '${env:PESTER_ASCODE_URI}' } } |
            ConvertTo-Json | Set-Content (Join-Path $Folder 'plan-orders.json')
        $script:Plan = @(Compare-UpstashKafkaConnector -Path $Folder -ClusterId $DemoClusterId)
        $script:Synced = @(Sync-UpstashKafkaConnector -Path $Folder -ClusterId $DemoClusterId)
        $env:PESTER_ASCODE_URI = "mongodb://app:$secret-rotated@db.example.com:27017"
        $script:Rotated = @(Compare-UpstashKafkaConnector -Path $Folder -ClusterId $DemoClusterId)
    }

    AfterAll {
        Remove-Item Env:PESTER_ASCODE_URI -ErrorAction Ignore
    }

    It 'renders the plan as a table that reads like one' {
        $text = $Plan | Out-String -Width 80
        $text | Should -Match 'Action\s+Name\s+Changes'
        $text | Should -Match 'Create\s+plan-orders\s+2 added'
    }

    It 'shows a rotated secret as changed with both values hidden' {
        $text = ($Rotated | Out-String -Width 120) + ($Rotated.Changes | Format-List * | Out-String)
        $text | Should -Match '~ connection.uri \(secret\)'
        $Rotated.Changes[0].Before | Should -Be '********'
        $Rotated.Changes[0].After | Should -Be '********'
    }

    It 'keeps secrets out of the table, ConvertTo-Json and Export-Csv' {
        $csv = Join-Path $Folder 'results.csv'
        $Synced | Export-Csv -Path $csv -NoTypeInformation
        $text = ($Synced | Out-String -Width 200) + ($Synced | ConvertTo-Json -Depth 6) + (Get-Content -Raw $csv) + ($Rotated | ConvertTo-Json -Depth 6)
        foreach ($s in $Secrets) { $text | Should -Not -BeLike "*$s*" }
    }
}
