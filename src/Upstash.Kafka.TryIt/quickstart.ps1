# Upstash.Kafka quick start. `dotnet run --project src/Upstash.Kafka.TryIt` runs this file against a local emulator
# of the Upstash API; in your own shell, set UPSTASH_API_URL, UPSTASH_EMAIL and UPSTASH_API_KEY first (or run
# Connect-UpstashKafka), then run it the same way. Nothing here names a credential: the module finds it.

$clusterId = '7568431c-88d5-4409-a808-2167f22a7133'   # the emulator's demo cluster

# One connector from a hashtable of Kafka Connect properties. connection.uri carries a password, so the module
# shows it as ******** in every view; the server still receives the real value. (Out-Host prints the properties
# now: otherwise PowerShell would lay out the connectors below in this key/value table and show them as blank rows.)
$orders = New-UpstashKafkaConnector -Name orders-source -ClusterId $clusterId -Property @{
    'connector.class' = 'com.mongodb.kafka.connect.MongoSourceConnector'
    'connection.uri'  = 'mongodb://shop:hunter22@mongo.example.com:27017'
    'database'        = 'shop'
    'collection'      = 'orders'
}
$orders.Properties | Out-Host

# Two more from a pipeline of objects: Name, ClusterId and Property bind by property name, one connector per object.
$more = @(
    [pscustomobject]@{
        Name      = 'customers-source'
        ClusterId = $clusterId
        Property  = @{
            'connector.class' = 'com.mongodb.kafka.connect.MongoSourceConnector'
            'connection.uri'  = 'mongodb://shop:hunter22@mongo.example.com:27017'
            'database'        = 'shop'
            'collection'      = 'customers'
        }
    }
    [pscustomobject]@{
        Name      = 'orders-archive'
        ClusterId = $clusterId
        Property  = @{
            'connector.class' = 'com.mongodb.kafka.connect.MongoSinkConnector'
            'topics'          = 'shop.orders'
            'connection.uri'  = 'mongodb://archive:s3cret@archive.example.com:27017'
            'database'        = 'archive'
            'collection'      = 'orders'
        }
    }
) | New-UpstashKafkaConnector

# What was created, in the module's default view. New connectors start 'pending' while Upstash deploys them.
@($orders) + $more
