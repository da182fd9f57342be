# How clusters and credentials look to a person, and every way of writing them out: the Kafka password the API
# returns in clear must appear nowhere; it lives only in the Credential property as a SecureString.

BeforeAll {
    . $PSScriptRoot/Shared.ps1
    Import-Module $ModuleManifest
    Reset-Emulator

    $script:Cluster = New-UpstashKafkaCluster -Name 'a-rather-long-cluster-name-for-tables' -Region eu-west-1 -Multizone -ErrorAction Stop
    $script:Login = New-UpstashKafkaCredential -Name 'orders-producer-with-a-long-name' -ClusterId $Cluster.ClusterId -Topic 'orders.europe.*' -Permission Produce -ErrorAction Stop
    # What the API handed out, read the way a person would read it without the module.
    $script:Passwords = @(
        (Invoke-UpstashApi "/v2/kafka/cluster/$($Cluster.ClusterId)").password
        (Invoke-UpstashApi '/v2/kafka/credentials' | Where-Object credential_id -EQ $Login.CredentialId).password
    )

    function Should-HidePasswords([string] $Text) {
        $Passwords | Should -HaveCount 2
        foreach ($password in $Passwords) {
            $Text | Should -Not -BeLike "*$password*"
        }
    }

    function Get-Columns([string] $TypeName) {
        $view = (Get-FormatData -TypeName $TypeName).FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }
        $view.Control.Headers | ForEach-Object { $_.Label }
    }
}

Describe 'The default table views' {
    It '<Type> has 3 to 5 columns and fits an 80-column terminal without cutting one' -ForEach @(
        @{ Type = 'Upstash.Kafka.KafkaCluster'; Object = 'Cluster'; First = 'a-rather-long-cluster-name-for-tables' }
        @{ Type = 'Upstash.Kafka.KafkaCredential'; Object = 'Login'; First = 'orders-producer-with-a-long-name' }
    ) {
        $columns = @(Get-Columns $Type)
        $columns.Count | Should -BeIn (3..5)
        $lines = @((Get-Variable $Object -ValueOnly | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })

        @($lines[0] -split '\s+' | Where-Object { $_ }) | Should -Be $columns
        # A name longer than its column is cut; every other column, the date last, stays whole.
        $lines[2] | Should -BeLike "$($First.Substring(0, 10))*"
        $lines[2] | Should -Match '\d{4}-\d\d-\d\d \d\d:\d\d\s*$'
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
    }

    It 'shows a credential''s topic and permission' {
        ($Login | Out-String -Width 80) | Should -Match 'orders\.europe\.\*\s+Produce'
    }
}

Describe 'Writing clusters and credentials out' {
    It 'no view, list, string or JSON shows a password' {
        foreach ($item in $Cluster, $Login) {
            Should-HidePasswords ($item | Out-String -Width 250)
            Should-HidePasswords ($item | Format-List * | Out-String -Width 500)
            Should-HidePasswords ("$item")
            Should-HidePasswords ($item | ConvertTo-Json -Depth 5)
        }
    }

    It 'Export-Csv writes the rows without a password' {
        $csv = Join-Path $TestDrive 'logins.csv'
        $Cluster | Export-Csv -Path $csv
        $Login | Export-Csv -Path $csv -Append -Force

        Should-HidePasswords (Get-Content $csv -Raw)
        (Import-Csv $csv)[0].Name | Should -Be $Cluster.Name
    }

    It 'the Credential property holds the password, as a SecureString, for a Kafka client' {
        $Cluster.Credential | Should -BeOfType [pscredential]
        $Cluster.Credential.Password | Should -BeOfType [securestring]
        $Cluster.Credential.GetNetworkCredential().Password | Should -Be $Passwords[0]
        $Login.Credential.GetNetworkCredential().Password | Should -Be $Passwords[1]
    }
}
