using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>The documented connector shape, field for field.</summary>
public static class ConnectorJson
{
    /// <summary>Connector reply; create and reconfigure answer without properties, get and list with them in clear.</summary>
    public static JsonObject Of(ConnectorRecord c, bool withProperties)
    {
        var json = new JsonObject
        {
            ["connector_id"] = c.ConnectorId,
            ["name"] = c.Name,
            ["customer_id"] = c.CustomerId,
            ["cluster_id"] = c.ClusterId,
            ["creation_time"] = c.CreationTime,
            ["deletion_time"] = 0,
            ["state"] = c.State,
            ["state_error_message"] = c.StateErrorMessage,
            ["connector_state"] = c.ConnectorState,
            ["tasks"] = new JsonArray(c.Tasks.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["state"] = t.State, ["trace"] = t.Trace }).ToArray()),
            ["topics"] = new JsonArray(TopicsOf(c).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            ["connector_class"] = c.ConnectorClass,
            ["encoded_username"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("connector-" + c.Name)),
            ["TTL"] = c.CreationTime + 1800,
        };
        if (withProperties)
        {
            json["properties"] = c.Properties.DeepClone();
        }

        return json;
    }

    /// <summary>Topics named in the properties ("topics" for sinks, "topic.prefix" style keys are not topics).</summary>
    private static string[] TopicsOf(ConnectorRecord c)
    {
        string topics = c.Properties["topics"]?.ToString() ?? string.Empty;
        return topics.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
