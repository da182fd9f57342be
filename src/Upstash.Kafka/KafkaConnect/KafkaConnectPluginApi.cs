using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// GET /connector-plugins on Kafka Connect. connectorsOnly=false asks for every kind of plugin (KIP-769, Kafka
    /// 3.2); an older worker ignores the parameter and lists connectors only, which is still a right answer, so no
    /// version is read first.
    /// </summary>
    internal sealed class KafkaConnectPluginApi
    {
        private readonly UpstashApiClient client;

        public KafkaConnectPluginApi(UpstashApiClient client)
        {
            this.client = client;
        }

        /// <summary>Every plugin the worker that answered has installed, each handed on as soon as it is read.</summary>
        public Task ListAsync(Action<KafkaConnectorPlugin> onPlugin, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, "connector-plugins?connectorsOnly=false", $"Listing the plugins of {client.Connection.Describe()}");
            return client.StreamArrayAsync(call, item => onPlugin(Read(call, item)), cancellation);
        }

        /// <summary>{"class": ..., "type": ..., "version"?: ...}; "version" is left out when the plugin reports none.</summary>
        private KafkaConnectorPlugin Read(ApiCall call, JToken item)
        {
            try
            {
                JObject plugin = item as JObject ?? throw new ReplyShapeException($"a plugin is {JsonFields.Describe(item.Type)}, not an object");
                string? className = JsonFields.String(plugin, "class");
                if (string.IsNullOrWhiteSpace(className))
                {
                    throw new ReplyShapeException("a plugin has no class");
                }

                return new KafkaConnectorPlugin
                {
                    Class = className!,
                    Type = TypeOf(JsonFields.String(plugin, "type")),
                    Version = JsonFields.String(plugin, "version"),
                    Connection = client.Connection.Public,
                };
            }
            catch (ReplyShapeException ex)
            {
                throw UpstashApiClient.InvalidReply(call, ex.Message);
            }
        }

        /// <summary>"header_converter" is HeaderConverter; a type a later Kafka adds is Unknown, not a failed list.</summary>
        internal static KafkaConnectorPluginType TypeOf(string? type) =>
            // Letters only: Enum.TryParse would also take "0" as Source.
            type != null && type.Length > 0 && char.IsLetter(type[0])
            && Enum.TryParse(type.Replace("_", string.Empty), ignoreCase: true, out KafkaConnectorPluginType known)
            && known != KafkaConnectorPluginType.Unknown
                ? known
                : KafkaConnectorPluginType.Unknown;
    }
}
