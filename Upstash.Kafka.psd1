# Manifest source. The build copies it to out/Upstash.Kafka/ with the version from Directory.Build.props and that
# version's CHANGELOG.md entry (as ReleaseNotes) stamped in.
@{
    RootModule             = 'Upstash.Kafka.dll'
    ModuleVersion = '0.0.0'
    GUID                   = '5b0c7a7e-3f0e-4d43-9a57-0c1f6c8e2a41'
    Author                 = 'Upstash.Kafka contributors'
    CompanyName            = 'Community'
    Copyright              = '(c) Upstash.Kafka contributors. MIT License.'
    Description            = 'Manage Kafka connectors from PowerShell, on Upstash and on any Kafka Connect REST API (Apache Kafka, Strimzi, Confluent Platform, Aiven): create, inspect, reconfigure, pause, stop, resume, restart, remove, copy between servers, plugins, offsets, and connectors as code in Kafka Connect''s own files, with secrets masked and safe retries; plus Upstash clusters, topics, credentials and statistics. Upstash switched Kafka off on 2025-03-11: use this module with its bundled local emulator, an archive or an API-compatible server, and to move your connectors to a Kafka Connect cluster you run.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('Upstash.Kafka.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-UpstashKafka'
        'Disconnect-UpstashKafka'
        'New-UpstashKafkaConnector'
        'Get-UpstashKafkaConnector'
        'Set-UpstashKafkaConnector'
        'Stop-UpstashKafkaConnector'
        'Copy-UpstashKafkaConnector'
        'Suspend-UpstashKafkaConnector'
        'Resume-UpstashKafkaConnector'
        'Restart-UpstashKafkaConnector'
        'Remove-UpstashKafkaConnector'
        'Wait-UpstashKafkaConnector'
        'Get-UpstashKafkaConnectorPlugin'
        'Get-UpstashKafkaConnectorOffset'
        'Set-UpstashKafkaConnectorOffset'
        'Reset-UpstashKafkaConnectorOffset'
        'Get-UpstashKafkaTopic'
        'New-UpstashKafkaTopic'
        'Set-UpstashKafkaTopic'
        'Remove-UpstashKafkaTopic'
        'Get-UpstashKafkaTopicStatistic'
        'Get-UpstashKafkaClusterStatistic'
        'Get-UpstashKafkaCluster'
        'New-UpstashKafkaCluster'
        'Rename-UpstashKafkaCluster'
        'Reset-UpstashKafkaClusterPassword'
        'Remove-UpstashKafkaCluster'
        'Get-UpstashKafkaCredential'
        'New-UpstashKafkaCredential'
        'Remove-UpstashKafkaCredential'
        'Export-UpstashKafkaConnector'
        'Compare-UpstashKafkaConnector'
        'Sync-UpstashKafkaConnector'
        'Test-UpstashKafkaConnectorConfig'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Upstash', 'Kafka', 'KafkaConnect', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # No ProjectUri or LicenseUri until the project has a public home: the package carries LICENSE instead.
            # The build writes this version's CHANGELOG.md entry here, so the notes are never written twice.
            ReleaseNotes = ''
        }
    }
}
