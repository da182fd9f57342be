using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>The connector endpoints of the Developer API, with typed inputs and outputs.</summary>
    internal sealed class ConnectorApi
    {
        private readonly UpstashApiClient client;

        public ConnectorApi(UpstashApiClient client)
        {
            this.client = client;
        }

        /// <summary>
        /// POST /v2/kafka/connector, sent exactly once. The reply carries no properties, so the connector written to
        /// the pipeline shows the properties that were sent (masked).
        /// </summary>
        public async Task<KafkaConnector> CreateAsync(
            string name,
            string clusterId,
            IReadOnlyDictionary<string, string> properties,
            Dictionary<string, string> maskedProperties,
            CancellationToken cancellation)
        {
            client.Redactor.AddRange(SecretPropertyRules.SecretValues(properties));
            var call = new ApiCall(HttpMethod.Post, "v2/kafka/connector", $"Creating connector '{name}' in cluster {clusterId}")
            {
                JsonBody = CreateBody(name, clusterId, properties),
                DebugBody = client.Log.DebugEnabled ? CreateBody(name, clusterId, maskedProperties) : null,
            };

            KafkaConnector connector = ReadConnector(call, await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false), includeSecrets: false);
            return ShowingSentProperties(connector, maskedProperties);
        }

        /// <summary>
        /// POST /v2/kafka/update-connector/{id} with the FLAT properties map (not wrapped in {"properties": ...}).
        /// *(decision, from the contract)* Whether the server merges or replaces is undocumented, so the caller always
        /// passes the complete resulting configuration, connector.class included. The reply carries no properties, so
        /// the connector returned shows the ones that were sent (masked).
        /// </summary>
        public async Task<KafkaConnector> ReconfigureAsync(
            string connectorId,
            IReadOnlyDictionary<string, string> properties,
            Dictionary<string, string> maskedProperties,
            CancellationToken cancellation)
        {
            client.Redactor.AddRange(SecretPropertyRules.SecretValues(properties));
            var call = new ApiCall(HttpMethod.Post, "v2/kafka/update-connector/" + Uri.EscapeDataString(connectorId), $"Reconfiguring connector {connectorId}")
            {
                JsonBody = PropertiesBody(properties),
                DebugBody = client.Log.DebugEnabled ? PropertiesBody(maskedProperties) : null,
                // The complete map every time, so sending it twice leaves the same configuration.
                Repeatable = true,
            };

            KafkaConnector connector = ReadConnector(call, await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false), includeSecrets: false);
            return ShowingSentProperties(connector, maskedProperties);
        }

        /// <summary>DELETE /v2/kafka/connector/{id}.</summary>
        public Task DeleteAsync(string connectorId, CancellationToken cancellation) =>
            client.SendForOkAsync(
                new ApiCall(HttpMethod.Delete, ConnectorPath(connectorId), $"Removing connector {connectorId}") { NotFoundAfterRetryMeansDone = true },
                cancellation);

        /// <summary>POST /v2/kafka/connector/{id}/pause.</summary>
        public Task PauseAsync(string connectorId, CancellationToken cancellation) =>
            client.SendForOkAsync(Action(connectorId, "pause", "Pausing"), cancellation);

        /// <summary>POST /v2/kafka/connector/{id}/start: resumes a paused connector.</summary>
        public Task StartAsync(string connectorId, CancellationToken cancellation) =>
            client.SendForOkAsync(Action(connectorId, "start", "Resuming"), cancellation);

        /// <summary>POST /v2/kafka/connector/{id}/restart: restarts the connector and its tasks.</summary>
        public Task RestartAsync(string connectorId, CancellationToken cancellation) =>
            client.SendForOkAsync(Action(connectorId, "restart", "Restarting"), cancellation);

        /// <summary>GET /v2/kafka/connector/{id}: the connector with its properties.</summary>
        public async Task<KafkaConnector> GetAsync(string connectorId, bool includeSecrets, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, ConnectorPath(connectorId), $"Reading connector {connectorId}")
            {
                // The reply holds every password of the connector in clear; -Debug must not show them.
                MaskReplyForDebug = MaskPropertiesInReply,
            };
            return ReadConnector(call, await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false), includeSecrets);
        }

        /// <summary>GET /v2/kafka/connectors/{cluster_id}, each connector handed on as soon as it is read.</summary>
        public Task ListAsync(string clusterId, bool includeSecrets, Action<KafkaConnector> onConnector, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, "v2/kafka/connectors/" + Uri.EscapeDataString(clusterId), $"Listing the connectors of cluster {clusterId}");
            return client.StreamArrayAsync(call, item => onConnector(ReadConnector(call, item, includeSecrets)), cancellation);
        }

        /// <summary>
        /// GET /v2/kafka/connectors/{cluster_id}, each connector read twice from the same reply: in clear (to compare
        /// a configuration with real values) and masked (to show), so one list serves both.
        /// </summary>
        public Task ListAsync(string clusterId, Action<KafkaConnector, KafkaConnector> onClearAndMasked, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, "v2/kafka/connectors/" + Uri.EscapeDataString(clusterId), $"Listing the connectors of cluster {clusterId}");
            return client.StreamArrayAsync(call, item => onClearAndMasked(ReadConnector(call, item, includeSecrets: true), ReadConnector(call, item, includeSecrets: false)), cancellation);
        }

        /// <summary>Pause, start and restart: no body, "OK" back, and safe to repeat (a second pause leaves it paused).</summary>
        private static ApiCall Action(string connectorId, string action, string doing) =>
            new ApiCall(HttpMethod.Post, ConnectorPath(connectorId) + "/" + action, $"{doing} connector {connectorId}") { Repeatable = true };

        private static string ConnectorPath(string connectorId) => "v2/kafka/connector/" + Uri.EscapeDataString(connectorId);

        private static KafkaConnector ShowingSentProperties(KafkaConnector connector, Dictionary<string, string> maskedProperties)
        {
            if (connector.Properties.Count == 0)
            {
                connector.Properties = new ConnectorProperties(maskedProperties);
                connector.SecretsMasked = true;
            }

            return connector;
        }

        /// <summary>The reply text with the secret values of its "properties" masked, wherever they appear.</summary>
        internal static string MaskPropertiesInReply(string body) => EchoedSecrets.MaskInReply(body, "properties");

        private static string PropertiesBody(IReadOnlyCollection<KeyValuePair<string, string>> properties)
        {
            using (var text = BodyText(properties, 0))
            using (var json = new JsonTextWriter(text) { ArrayPool = ReusedCharBuffers.Instance })
            {
                WriteProperties(json, properties);
                json.Flush();
                return text.ToString();
            }
        }

        private KafkaConnector ReadConnector(ApiCall call, JToken token, bool includeSecrets)
        {
            try
            {
                KafkaConnector connector = ConnectorReader.Read(token, includeSecrets);
                connector.Connection = client.Connection.Public;
                return connector;
            }
            catch (ReplyShapeException ex)
            {
                throw UpstashApiClient.InvalidReply(call, ex.Message);
            }
        }

        private static string CreateBody(string name, string clusterId, IReadOnlyCollection<KeyValuePair<string, string>> properties)
        {
            using (var text = BodyText(properties, name.Length + clusterId.Length))
            using (var json = new JsonTextWriter(text) { ArrayPool = ReusedCharBuffers.Instance })
            {
                json.WriteStartObject();
                json.WritePropertyName("name");
                json.WriteValue(name);
                json.WritePropertyName("cluster_id");
                json.WriteValue(clusterId);
                json.WritePropertyName("properties");
                WriteProperties(json, properties);
                json.WriteEndObject();
                json.Flush();
                return text.ToString();
            }
        }

        /// <summary>
        /// A writer whose buffer already fits the body: StringWriter starts at 16 chars and grew by copying several
        /// times per body, most of what building a create body allocated (allocation profile).
        /// </summary>
        private static StringWriter BodyText(IReadOnlyCollection<KeyValuePair<string, string>> properties, int otherChars)
        {
            int estimate = 64 + otherChars;
            foreach (KeyValuePair<string, string> pair in properties)
            {
                estimate += pair.Key.Length + pair.Value.Length + 8;
            }

            return new StringWriter(new StringBuilder(estimate), CultureInfo.InvariantCulture);
        }

        internal static void WriteProperties(JsonWriter json, IEnumerable<KeyValuePair<string, string>> properties)
        {
            json.WriteStartObject();
            foreach (KeyValuePair<string, string> pair in properties)
            {
                json.WritePropertyName(pair.Key);
                json.WriteValue(pair.Value);
            }

            json.WriteEndObject();
        }
    }
}
