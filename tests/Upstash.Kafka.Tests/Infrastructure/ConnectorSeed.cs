using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Tests.Infrastructure;

/// <summary>Puts connectors straight into the emulator's store (no request, nothing in the journal), in a chosen state.</summary>
public static class ConnectorSeed
{
    public const string Mongo = "com.mongodb.kafka.connect.MongoSourceConnector";
    public const string Password = "hunter22-seeded";
    public const string MongoUri = "mongodb://app:" + Password + "@db.example:27017";

    public static string DemoCluster => EmulatorOptions.DemoClusterId;

    /// <summary>A MongoDB source with a password in its connection string, in the given state.</summary>
    public static string Add(EmulatorServer server, string name, string state = "running", string? clusterId = null, JsonObject? properties = null)
    {
        properties ??= new JsonObject { ["connector.class"] = Mongo, ["connection.uri"] = MongoUri, ["tasks.max"] = "1" };
        ConnectorRecord record = server.Store.AddConnector(name, clusterId ?? DemoCluster, properties);
        if (state != "pending")
        {
            string? problem = state == "failed" ? ConnectorValidator.FindProblem(record, Array.Empty<string>()) ?? "Connector configuration is invalid" : null;
            server.Store.ForceState(record.ConnectorId, state, problem);
        }

        return record.ConnectorId;
    }

    /// <summary>The connector's state as the emulator holds it (settled first, as a GET would).</summary>
    public static string StateOf(EmulatorServer server, string connectorId) =>
        server.Store.WithConnector(connectorId, c => c.State) ?? "(gone)";

    public static JsonObject PropertiesOf(EmulatorServer server, string connectorId) =>
        server.Store.WithConnector(connectorId, c => (JsonObject)c.Properties.DeepClone())!;
}
