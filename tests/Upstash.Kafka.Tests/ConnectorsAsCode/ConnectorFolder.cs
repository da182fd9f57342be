using System.Text.Json.Nodes;

namespace Upstash.Kafka.Tests.ConnectorsAsCode;

/// <summary>A temporary folder of connector files for one test, deleted afterwards.</summary>
public sealed class ConnectorFolder : IDisposable
{
    public const string Mongo = "com.mongodb.kafka.connect.MongoSourceConnector";

    public string Path { get; } = Directory.CreateTempSubdirectory("ascode-").FullName;

    /// <summary>Writes name.json as Kafka Connect's POST /connectors body.</summary>
    public string Json(string name, IDictionary<string, string> config, string? initialState = null)
    {
        var body = new JsonObject { ["name"] = name, ["config"] = new JsonObject(config.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))) };
        if (initialState != null)
        {
            body["initial_state"] = initialState;
        }

        return Write(name + ".json", body.ToJsonString());
    }

    /// <summary>A MongoDB source whose connection string comes from the given variable.</summary>
    public string MongoFromVariable(string name, string variable, string? initialState = null) =>
        Json(name, new Dictionary<string, string> { ["connector.class"] = Mongo, ["connection.uri"] = "${env:" + variable + "}", ["tasks.max"] = "1" }, initialState);

    public string Write(string fileName, string text)
    {
        string file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>Process environment variables with names unique to one test (so tests may run in parallel), removed afterwards.</summary>
public sealed class TestVariables : IDisposable
{
    private readonly List<string> names = new();

    public string Set(string stem, string value)
    {
        string name = stem + "_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable(name, value);
        names.Add(name);
        return name;
    }

    public void SetExact(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        names.Add(name);
    }

    public void Dispose() => names.ForEach(n => Environment.SetEnvironmentVariable(n, null));
}
