using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Kafka.Benchmarks.Infrastructure;

/// <summary>
/// The two servers of a move off Upstash, for <see cref="FixedAnswerServer.Answer"/>: Upstash's GET of one connector
/// (each list item's own id and name, with its properties in clear, as Copy reads it), and a stateful Kafka Connect at
/// the root that starts empty: GET /connectors/{name} 404s until a POST /connectors made it, then answers its
/// ConnectorInfo; GET .../status, the expand list and GET / answer what it holds. Every request is counted by kind.
/// The Upstash list (GET /v2/kafka/connectors/{cluster}) is counted here and left to the fixed answers
/// (<see cref="FixedAnswerServer.AddCluster"/>). Cheap and lock-free, so it is never what makes 8 requests wait.
/// </summary>
public sealed class MigrationFake
{
    public const string UpstashList = "GET /v2/kafka/connectors/{cluster} (Upstash list)";
    public const string UpstashGet = "GET /v2/kafka/connector/{id} (Upstash)";
    public const string ConnectGetFound = "GET /connectors/{name} (found)";
    public const string ConnectGetMissing = "GET /connectors/{name} (404)";
    public const string ConnectStatus = "GET /connectors/{name}/status";
    public const string ConnectCreate = "POST /connectors";
    public const string ConnectList = "GET /connectors?expand=... (list)";
    public const string ConnectRoot = "GET / (version)";
    public const string Other = "other";

    /// <summary>The kinds that are made once per command, not once per connector: the ideal counts them as serial.</summary>
    public static readonly string[] SerialKinds = [UpstashList, ConnectList, ConnectRoot];

    private const string Worker = "10.0.0.7:8083";
    private const string ListPrefix = "/v2/kafka/connectors/";
    private const string GetPrefix = "/v2/kafka/connector/";
    private const string ConnectorsPrefix = "/connectors/";

    private readonly ConcurrentDictionary<string, string> created = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly Uri baseUri;

    public MigrationFake(Uri baseUri)
    {
        this.baseUri = baseUri;
    }

    /// <summary>Connectors Kafka Connect holds now.</summary>
    public int ConnectorCount => created.Count;

    /// <summary>Empties Kafka Connect, so the next copy or sync creates every connector again.</summary>
    public void Clear() => created.Clear();

    /// <summary>Requests so far by kind.</summary>
    public Dictionary<string, long> Counts() => counts.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public byte[]? Answer(FixedAnswerServer.ServedRequest request)
    {
        string method = request.Method;
        string path = request.Path;
        if (method == "GET" && path.StartsWith(ListPrefix, StringComparison.Ordinal))
        {
            Count(UpstashList);
            return null;
        }

        if (method == "GET" && path.StartsWith(GetPrefix, StringComparison.Ordinal))
        {
            Count(UpstashGet);
            string id = Uri.UnescapeDataString(path[GetPrefix.Length..]);
            // A list item's id is "{index:x8}-0000-4000-8000-000000000000" and its name "connector-{index}" (ConnectorJson.WriteListItem).
            return int.TryParse(id.AsSpan(0, Math.Min(8, id.Length)), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int index)
                ? FixedAnswerServer.Reply(200, ConnectorJson.WithProperties(id, "connector-" + index.ToString(CultureInfo.InvariantCulture)))
                : NotFound("connector " + id);
        }

        if (path == "/" && method == "GET")
        {
            Count(ConnectRoot);
            return FixedAnswerServer.Reply(200, "{\"version\":\"3.9.0\",\"commit\":\"a60e31147e6b01ee\",\"kafka_cluster_id\":\"MkU3OEVBNTcwNTJENDM2Qg\"}");
        }

        if (method == "GET" && path.StartsWith("/connectors?", StringComparison.Ordinal))
        {
            Count(ConnectList);
            return FixedAnswerServer.Reply(200, ExpandList());
        }

        if (method == "POST" && path == "/connectors")
        {
            Count(ConnectCreate);
            JsonNode body = JsonNode.Parse(request.Body) ?? throw new InvalidOperationException("POST /connectors without a body");
            string name = body["name"]!.GetValue<string>();
            JsonObject config = body["config"]!.AsObject();
            config["name"] = name;
            string configJson = config.ToJsonString();
            if (!created.TryAdd(name, configJson))
            {
                return FixedAnswerServer.Reply(409, $"{{\"error_code\":409,\"message\":\"Connector {name} already exists\"}}");
            }

            return FixedAnswerServer.Reply(201, Info(name, configJson, withTask: false), $"Location: {baseUri}connectors/{Uri.EscapeDataString(name)}\r\n");
        }

        if (method == "GET" && path.StartsWith(ConnectorsPrefix, StringComparison.Ordinal))
        {
            string rest = path[ConnectorsPrefix.Length..];
            bool status = rest.EndsWith("/status", StringComparison.Ordinal);
            string name = Uri.UnescapeDataString(status ? rest[..^"/status".Length] : rest);
            if (!name.Contains('/', StringComparison.Ordinal))
            {
                bool found = created.TryGetValue(name, out string? config);
                Count(status ? ConnectStatus : found ? ConnectGetFound : ConnectGetMissing);
                return !found ? NotFound("Connector " + name)
                    : status ? FixedAnswerServer.Reply(200, Status(name))
                    : FixedAnswerServer.Reply(200, Info(name, config!, withTask: true));
            }
        }

        Count(Other);
        return NotFound("resource");
    }

    private void Count(string kind) => counts.AddOrUpdate(kind, 1, (_, n) => n + 1);

    private static byte[] NotFound(string what) => FixedAnswerServer.Reply(404, $"{{\"error_code\":404,\"message\":\"{what} not found\"}}");

    private static string Info(string name, string configJson, bool withTask) =>
        $"{{\"name\":{JsonSerializer.Serialize(name)},\"config\":{configJson},\"tasks\":[{(withTask ? $"{{\"connector\":{JsonSerializer.Serialize(name)},\"task\":0}}" : string.Empty)}],\"type\":\"source\"}}";

    private static string Status(string name) =>
        $"{{\"name\":{JsonSerializer.Serialize(name)},\"connector\":{{\"state\":\"RUNNING\",\"worker_id\":\"{Worker}\"}},\"tasks\":[{{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"{Worker}\"}}],\"type\":\"source\"}}";

    private string ExpandList()
    {
        var json = new StringBuilder("{");
        foreach ((string name, string config) in created)
        {
            json.Append(json.Length == 1 ? "" : ",").Append(JsonSerializer.Serialize(name))
                .Append(":{\"status\":").Append(Status(name)).Append(",\"info\":").Append(Info(name, config, withTask: true)).Append('}');
        }

        return json.Append('}').ToString();
    }
}
