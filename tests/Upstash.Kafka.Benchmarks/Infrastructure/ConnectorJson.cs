using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Upstash.Kafka.Benchmarks.Infrastructure;

/// <summary>The request and reply bodies every client in the benchmark sends and receives, shaped as the API documents them.</summary>
public static class ConnectorJson
{
    public const string ClusterId = "7568431c-88d5-4409-a808-2167f22a7133";
    public const string ConnectorId = "431ec970-b59d-4b00-95fe-5f3abcc52c2f";
    public const string Name = "orders-source";
    public const string ConnectorClass = "com.mongodb.kafka.connect.MongoSourceConnector";

    /// <summary>A secret-bearing property, so every create and read exercises the module's masking as it would in use.</summary>
    public const string ConnectionUri = "mongodb://app:s3cr3t-pass@db.example.com:27017";

    /// <summary>The create body, as the module sends it for -Name Name -ClusterId ClusterId -Property @{connector.class; connection.uri}.</summary>
    public static string CreateBody =>
        $"{{\"name\":\"{Name}\",\"cluster_id\":\"{ClusterId}\",\"properties\":{{\"connector.class\":\"{ConnectorClass}\",\"connection.uri\":\"{ConnectionUri}\"}}}}";

    /// <summary>The create reply: the connector without properties, state pending.</summary>
    public static string Created() => Connector(ConnectorId, Name, "pending", properties: null);

    /// <summary>A get reply: the connector with its properties in clear, as the API returns them.</summary>
    public static string WithProperties(string connectorId, string name) => Connector(connectorId, name, "running", Properties);

    private const string Properties =
        "{\"connector.class\":\"" + ConnectorClass + "\",\"connection.uri\":\"" + ConnectionUri + "\","
        + "\"database\":\"shop\",\"collection\":\"orders\",\"topic.prefix\":\"shop\",\"poll.max.batch.size\":\"1000\"}";

    private static string Connector(string id, string name, string state, string? properties) =>
        "{\"connector_id\":\"" + id + "\",\"name\":\"" + name + "\",\"customer_id\":\"bench@example.com\",\"cluster_id\":\"" + ClusterId + "\","
        + "\"creation_time\":1684369147,\"deletion_time\":0,\"state\":\"" + state + "\",\"state_error_message\":\"\","
        + "\"connector_state\":\"" + (state == "running" ? "RUNNING" : string.Empty) + "\","
        + "\"tasks\":" + (state == "running" ? "[{\"id\":0,\"state\":\"RUNNING\",\"trace\":\"\"}]" : "[]") + ","
        + "\"topics\":" + (state == "running" ? "[\"shop.orders\"]" : "[]") + ","
        + "\"connector_class\":\"" + ConnectorClass + "\","
        + (properties == null ? string.Empty : "\"properties\":" + properties + ",")
        + "\"encoded_username\":\"YXBwLXVzZXI=\",\"TTL\":1684370947}";

    // A list item is the get reply with a generated id and name: {prefix}{id:x8}{middle}{index}{suffix}.
    private static readonly byte[] ItemPrefix;
    private static readonly byte[] ItemMiddle;
    private static readonly byte[] ItemSuffix;

    static ConnectorJson()
    {
        string template = WithProperties("@ID@-0000-4000-8000-000000000000", "connector-@N@");
        int id = template.IndexOf("@ID@", StringComparison.Ordinal);
        int n = template.IndexOf("@N@", StringComparison.Ordinal);
        ItemPrefix = Encoding.UTF8.GetBytes(template[..id]);
        ItemMiddle = Encoding.UTF8.GetBytes(template[(id + 4)..n]);
        ItemSuffix = Encoding.UTF8.GetBytes(template[(n + 3)..]);
    }

    /// <summary>Writes list item <paramref name="index"/> into <paramref name="target"/> without allocating; returns the bytes written.</summary>
    public static int WriteListItem(Span<byte> target, int index)
    {
        int length = 0;
        ItemPrefix.CopyTo(target);
        length += ItemPrefix.Length;
        Utf8Formatter.TryFormat(index, target[length..], out int written, new StandardFormat('x', 8));
        length += written;
        ItemMiddle.CopyTo(target[length..]);
        length += ItemMiddle.Length;
        Utf8Formatter.TryFormat(index, target[length..], out written);
        length += written;
        ItemSuffix.CopyTo(target[length..]);
        return length + ItemSuffix.Length;
    }
}
