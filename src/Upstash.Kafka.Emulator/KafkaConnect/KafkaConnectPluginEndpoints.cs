using System.Text.Json.Nodes;
using static Upstash.Kafka.Emulator.KafkaConnect.KafkaConnectReplies;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>GET /connector-plugins, GET /connector-plugins/{p}/config (3.2) and PUT .../config/validate (ConnectorPluginsResource).</summary>
public static class KafkaConnectPluginEndpoints
{
    private const string AliasSuffix = "Connector";

    public static void Map(WebApplication app, EmulatorOptions options)
    {
        app.MapGet("/connector-plugins", (HttpRequest request) =>
        {
            // connectorsOnly defaults to true; a primitive boolean parameter is true only for "true". Before 3.2 the
            // parameter does not exist and only connectors are listed.
            bool connectorsOnly = !request.Query.ContainsKey("connectorsOnly")
                || string.Equals(request.Query["connectorsOnly"].ToString(), "true", StringComparison.OrdinalIgnoreCase)
                || !KafkaConnectVersion.HasAllPlugins(options);
            IEnumerable<KafkaConnectPlugin> plugins = KafkaConnectPlugins.All(options).Where(p => !connectorsOnly || p.IsConnector);
            return Json(new JsonArray(plugins.Select(p => (JsonNode)KafkaConnectPlugins.Json(p)).ToArray()));
        });

        app.MapGet("/connector-plugins/{plugin}/config", (string plugin) =>
        {
            if (!KafkaConnectVersion.HasAllPlugins(options))
            {
                return JerseyNotFoundReply();
            }

            if (KafkaConnectPlugins.Find(options, plugin) is not KafkaConnectPlugin found)
            {
                return NotFound($"Unknown plugin {plugin}.");
            }

            // The plugin's own keys first, then the framework's for its kind, a key defined twice kept once.
            IEnumerable<KafkaConnectConfigKey> keys = found.Keys;
            if (found.IsConnector)
            {
                keys = keys.Concat(KafkaConnectConfigKeys.Common).Concat(found.Type == "sink" ? KafkaConnectConfigKeys.Sink : KafkaConnectConfigKeys.None);
            }

            return Json(new JsonArray(keys.DistinctBy(k => k.Name).Select(k => (JsonNode)k.Json()).ToArray()));
        });

        // 200 whatever the outcome: valid only when error_count is 0.
        app.MapPut("/connector-plugins/{plugin}/config/validate", async (string plugin, HttpRequest request) =>
        {
            (JsonNode? node, IResult? unreadable) = await KafkaConnectBody.ReadAsync(request);
            if (unreadable != null)
            {
                return unreadable;
            }

            JsonObject? config = KafkaConnectBody.FlatMap(node, "java.util.LinkedHashMap", out IResult? error);
            if (config == null)
            {
                return error!;
            }

            if (config["connector.class"] is not JsonValue included)
            {
                return BadRequest($"Connector config {KafkaConnectJson.JavaMap(config)} contains no connector type");
            }

            string className = KafkaConnectBody.Text(included);
            if (!Normalized(className).EndsWith(Normalized(plugin), StringComparison.Ordinal))
            {
                return BadRequest($"Included connector type {className} does not match request type {plugin}");
            }

            return KafkaConnectPlugins.FindConnector(options, className) is KafkaConnectPlugin found
                ? Json(KafkaConnectValidation.Validate(found, config).Json())
                : ServerError(KafkaConnectPlugins.NotInstalledMessage(options, className));
        });
    }

    /// <summary>A simple class name gives its alias ("JdbcSinkConnector" matches "JdbcSink"); a full name is kept.</summary>
    private static string Normalized(string pluginName) =>
        pluginName.EndsWith(AliasSuffix, StringComparison.Ordinal) && pluginName.Length > AliasSuffix.Length
            ? pluginName[..^AliasSuffix.Length]
            : pluginName;
}
