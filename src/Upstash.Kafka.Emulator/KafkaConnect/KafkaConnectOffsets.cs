using System.Globalization;
using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// A connector's committed offsets (KIP-875). Sink offsets have fixed keys (kafka_topic, kafka_partition,
/// kafka_offset) and are checked as SinkUtils does; source offsets are whatever the connector chose.
/// </summary>
public static class KafkaConnectOffsets
{
    public const string Empty = "Partitions / offsets need to be provided for an alter offsets request";

    public const string Altered = "The offsets for this connector have been altered successfully";

    public const string ResetDone = "The offsets for this connector have been reset successfully";

    private const string FileStreamSource = "org.apache.kafka.connect.file.FileStreamSourceConnector";

    public static string NotStopped(string name) =>
        "Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the " +
        $"specified connector by issuing a 'PUT' request to the '/connectors/{name}/stop' endpoint";

    /// <summary>Offsets can change only when the target state is STOPPED and no tasks are left (DistributedHerder).</summary>
    public static bool CanModify(KafkaConnectRecord c) => c.Target == KafkaConnectTarget.Stopped && c.Tasks.Count == 0;

    /// <summary>
    /// *(decision)* The emulator moves no records, so it stands in for the first offset commit: whenever the connector
    /// starts RUNNING, a sink gets offset 0 on partition 0 of each topic in "topics" that has no offset yet (so GET
    /// returns something real, and comes back after a reset once the connector runs again), and those topics become
    /// its active topics. A FileStreamSource gets {"filename": file} at {"position": 0} and its "topic". Other
    /// sources commit nothing until a client PATCHes offsets.
    /// </summary>
    public static void CommitOnRun(KafkaConnectRecord c, string type)
    {
        if (type == "sink")
        {
            foreach (string topic in Split(c.Text("topics")))
            {
                c.ActiveTopics.Add(topic);
                AddIfAbsent(c, new JsonObject { ["kafka_topic"] = topic, ["kafka_partition"] = 0 }, new JsonObject { ["kafka_offset"] = 0L });
            }
        }
        else if (c.ConnectorClass is FileStreamSource or "FileStreamSource" or "FileStreamSourceConnector")
        {
            foreach (string topic in Split(c.Text("topic")))
            {
                c.ActiveTopics.Add(topic);
            }

            if (c.Text("file") is string file && file.Length > 0)
            {
                AddIfAbsent(c, new JsonObject { ["filename"] = file }, new JsonObject { ["position"] = 0L });
            }
        }
    }

    /// <summary>PATCH: all entries are checked before any is applied; an offset of null removes that partition.</summary>
    /// <returns>The 400 message, or null when the offsets were altered.</returns>
    public static string? Alter(KafkaConnectRecord c, string type, JsonArray entries)
    {
        var parsed = new List<(JsonObject Partition, JsonObject? Offset)>();
        foreach (JsonNode? entry in entries)
        {
            JsonObject? partition = entry?["partition"] as JsonObject;
            JsonNode? offset = entry?["offset"];
            JsonObject? parsedPartition;
            JsonObject? parsedOffset;
            string? problem = type == "sink"
                ? ParseSink(partition, offset, out parsedPartition, out parsedOffset)
                : ParseSource(partition, offset, out parsedPartition, out parsedOffset);
            if (problem != null)
            {
                return problem;
            }

            parsed.Add((parsedPartition!, parsedOffset));
        }

        foreach ((JsonObject partition, JsonObject? offset) in parsed)
        {
            string key = partition.ToJsonString();
            c.Offsets.RemoveAll(o => o.Key == key);
            if (offset != null)
            {
                c.Offsets.Add(new KafkaConnectOffset(partition, offset));
            }
        }

        return null;
    }

    private static string? ParseSink(JsonObject? partition, JsonNode? offset, out JsonObject? parsedPartition, out JsonObject? parsedOffset)
    {
        parsedPartition = null;
        parsedOffset = null;
        if (partition == null)
        {
            return "The partition for a sink connector offset cannot be null or missing";
        }

        if (!partition.ContainsKey("kafka_topic") || !partition.ContainsKey("kafka_partition"))
        {
            return "The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'";
        }

        if (partition["kafka_topic"] == null)
        {
            return "Kafka topic names must be valid strings and may not be null";
        }

        if (partition["kafka_partition"] == null)
        {
            return "Kafka partitions must be valid numbers and may not be null";
        }

        // Both "10" and 10 are accepted, as String.valueOf then Integer.parseInt accept them.
        string partitionText = JavaText(partition["kafka_partition"]!);
        if (!int.TryParse(partitionText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
        {
            return $"Failed to parse the following Kafka partition value in the provided offsets: '{partitionText}'. Partition values for sink connectors need to be integers.";
        }

        parsedPartition = new JsonObject { ["kafka_topic"] = JavaText(partition["kafka_topic"]!), ["kafka_partition"] = number };
        if (offset == null)
        {
            return null;
        }

        if (offset is not JsonObject offsetMap || !offsetMap.ContainsKey("kafka_offset"))
        {
            return "The offset for a sink connector should either be null or contain the key 'kafka_offset'";
        }

        string offsetText = offsetMap["kafka_offset"] is JsonNode o ? JavaText(o) : "null";
        if (!long.TryParse(offsetText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            return $"Failed to parse the following Kafka offset value in the provided offsets: '{offsetText}'. Offset values for sink connectors need to be integers.";
        }

        parsedOffset = new JsonObject { ["kafka_offset"] = value };
        return null;
    }

    /// <summary>*(decision)* Source offsets are free-form: a partition object and an offset object (or null).</summary>
    private static string? ParseSource(JsonObject? partition, JsonNode? offset, out JsonObject? parsedPartition, out JsonObject? parsedOffset)
    {
        parsedPartition = (JsonObject?)partition?.DeepClone();
        parsedOffset = null;
        if (partition == null)
        {
            return "The partition for a source connector offset cannot be null or missing";
        }

        if (offset != null && offset is not JsonObject)
        {
            return "The offset for a source connector should either be null or a JSON object";
        }

        parsedOffset = (JsonObject?)offset?.DeepClone();
        return null;
    }

    private static void AddIfAbsent(KafkaConnectRecord c, JsonObject partition, JsonObject offset)
    {
        string key = partition.ToJsonString();
        if (!c.Offsets.Any(o => o.Key == key))
        {
            c.Offsets.Add(new KafkaConnectOffset(partition, offset));
        }
    }

    private static string JavaText(JsonNode node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : node.ToJsonString();

    private static string[] Split(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
