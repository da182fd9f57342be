using System.Text;
using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>The contract's shapes (§2 "Shapes"), field for field and in its order.</summary>
public static class KafkaConnectJson
{
    /// <summary>ConnectorInfo: create, get, PUT/PATCH config, expand=info. Secrets are in clear, as upstream.</summary>
    /// <param name="withTasks">False for the create reply, which always has "tasks":[] (no task configs written yet).</param>
    public static JsonObject Info(KafkaConnectRecord c, EmulatorOptions options, bool withTasks = true) => new()
    {
        ["name"] = c.Name,
        ["config"] = c.Config.DeepClone(),
        ["tasks"] = new JsonArray(withTasks
            ? c.Tasks.Select(t => (JsonNode)new JsonObject { ["connector"] = c.Name, ["task"] = t.Id }).ToArray()
            : Array.Empty<JsonNode>()),
        ["type"] = KafkaConnectPlugins.TypeOf(options, c.ConnectorClass),
    };

    /// <summary>ConnectorStateInfo: status, expand=status, the 202 restart. STOPPED has no tasks.</summary>
    public static JsonObject Status(KafkaConnectRecord c, EmulatorOptions options, string workerId) => new()
    {
        ["name"] = c.Name,
        ["connector"] = State(new JsonObject(), c.Connector, c, options, workerId),
        ["tasks"] = new JsonArray(c.Tasks.Select(t => (JsonNode)Task(t, c, options, workerId)).ToArray()),
        ["type"] = KafkaConnectPlugins.TypeOf(options, c.ConnectorClass),
    };

    /// <summary>TaskState: one entry of "tasks", and GET .../tasks/{t}/status.</summary>
    public static JsonObject Task(KafkaConnectTask task, KafkaConnectRecord c, EmulatorOptions options, string workerId) =>
        State(new JsonObject { ["id"] = task.Id }, task, c, options, workerId);

    /// <summary>GET /connectors/{name}/tasks: each task's id and the configuration its connector generated for it.</summary>
    public static JsonArray TaskConfigs(KafkaConnectRecord c) => new(c.Tasks.Select(t =>
    {
        var config = (JsonObject)c.Config.DeepClone();
        // *(decision)* A task's configuration is its connector's plus the task class, as most connectors generate it.
        config["task.class"] = TaskClass(c.ConnectorClass);
        return (JsonNode)new JsonObject
        {
            ["id"] = new JsonObject { ["connector"] = c.Name, ["task"] = t.Id },
            ["config"] = config,
        };
    }).ToArray());

    public static JsonObject Offsets(KafkaConnectRecord c) => new()
    {
        ["offsets"] = new JsonArray(c.Offsets.Select(o => (JsonNode)new JsonObject
        {
            ["partition"] = o.Partition.DeepClone(),
            ["offset"] = o.Offset.DeepClone(),
        }).ToArray()),
    };

    /// <summary>
    /// A map as Java's AbstractMap.toString prints it, "{k1=v1, k2=v2}", which is how the "contains no connector type"
    /// message echoes the submitted config, secrets included.
    /// </summary>
    public static string JavaMap(JsonObject map)
    {
        var text = new StringBuilder("{");
        foreach (KeyValuePair<string, JsonNode?> entry in map)
        {
            if (text.Length > 1)
            {
                text.Append(", ");
            }

            text.Append(entry.Key).Append('=').Append(entry.Value is JsonValue value ? value.GetValue<string>() : "null");
        }

        return text.Append('}').ToString();
    }

    /// <summary>state and worker_id; trace only when set (JsonInclude NON_EMPTY); the plugin version from 4.1 (KIP-891).</summary>
    private static JsonObject State(JsonObject json, KafkaConnectInstance instance, KafkaConnectRecord c, EmulatorOptions options, string workerId)
    {
        json["state"] = instance.State;
        json["worker_id"] = workerId;
        if (!string.IsNullOrEmpty(instance.Trace))
        {
            json["trace"] = instance.Trace;
        }

        if (KafkaConnectVersion.HasStatusVersion(options) && KafkaConnectPlugins.FindConnector(options, c.ConnectorClass)?.Version is string version)
        {
            json["version"] = version;
        }

        return json;
    }

    private static string TaskClass(string connectorClass) =>
        connectorClass.EndsWith("Connector", StringComparison.Ordinal) ? connectorClass[..^"Connector".Length] + "Task" : connectorClass + "Task";
}
