# Export the connectors of a cluster: one file per connector, secrets as ${env:...} references.
$cluster = '7568431c-88d5-4409-a808-2167f22a7133'
New-UpstashKafkaConnector -Name orders-source -ClusterId $cluster -Property @{
    'connector.class' = 'com.mongodb.kafka.connect.MongoSourceConnector'
    'connection.uri'  = 'mongodb://shop:s3cret@mongo.example.com:27017'
    'database'        = 'shop'
} | Out-Null
$folder = Join-Path ([IO.Path]::GetTempPath()) "connectors-$([guid]::NewGuid())"
$files = Export-UpstashKafkaConnector -ClusterId $cluster -Path $folder
$files | Select-Object Name, SecretVariable | Format-Table

# Set the variables the export named (here from the connector's own secret; in CI from your secret store).
$env:UPSTASH_ORDERS_SOURCE_CONNECTION_URI = 'mongodb://shop:s3cret@mongo.example.com:27017'

# Edit: more tasks, and a new connector in its own file.
$orders = Join-Path $folder 'orders-source.json'
$body = Get-Content -Raw $orders | ConvertFrom-Json
$body.config | Add-Member -NotePropertyName 'tasks.max' -NotePropertyValue '2' -Force
$body | ConvertTo-Json -Depth 5 | Set-Content $orders
@{
    name          = 'orders-sink'
    initial_state = 'PAUSED'
    config        = @{
        'connector.class' = 'com.mongodb.kafka.connect.MongoSinkConnector'
        'connection.uri'  = '${env:UPSTASH_ORDERS_SOURCE_CONNECTION_URI}'
        'topics'          = 'shop.orders'
        'database'        = 'archive'
        'collection'      = 'orders'
    }
} | ConvertTo-Json | Set-Content (Join-Path $folder 'orders-sink.json')

# Test offline, compare with the cluster, then sync (a second sync changes nothing). In a script, Format-Table
# keeps each command's table apart; typed one by one at the prompt, the commands need no Format-Table.
Test-UpstashKafkaConnectorConfig -Path $folder | Format-Table
Compare-UpstashKafkaConnector -Path $folder -ClusterId $cluster | Format-Table
Sync-UpstashKafkaConnector -Path $folder -ClusterId $cluster | Format-Table
Sync-UpstashKafkaConnector -Path $folder -ClusterId $cluster | Format-Table
