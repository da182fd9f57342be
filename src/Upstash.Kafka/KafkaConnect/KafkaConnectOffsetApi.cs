using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// A connector's offsets on Kafka Connect (KIP-875): GET /connectors/{name}/offsets from Kafka 3.5, PATCH and
    /// DELETE from 3.6. Each checks the server's version before anything else is sent, so an older worker gets a
    /// message naming the version needed instead of Jersey's bare 404 or 405.
    /// </summary>
    internal sealed class KafkaConnectOffsetApi
    {
        public static readonly Version ReadNeeds = new Version(3, 5);
        public static readonly Version ChangeNeeds = new Version(3, 6);

        private readonly UpstashApiClient client;

        public KafkaConnectOffsetApi(UpstashApiClient client)
        {
            this.client = client;
        }

        /// <summary>Every committed offset of the connector; none before its first commit. Works in any state.</summary>
        public async Task<IReadOnlyList<KafkaConnectorOffset>> GetAsync(string name, CancellationToken cancellation)
        {
            string what = $"Reading the offsets of connector '{name}'";
            await KafkaConnectVersion.RequireAsync(client, ReadNeeds, what, cancellation).ConfigureAwait(false);
            var call = new ApiCall(HttpMethod.Get, Path(name), what);
            JToken reply = await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false);
            try
            {
                return Read(name, reply);
            }
            catch (ReplyShapeException ex)
            {
                throw UpstashApiClient.InvalidReply(call, ex.Message);
            }
        }

        /// <summary>Throws NotSupported, naming Kafka 3.6, on an older server; sends only GET / (once per connection).</summary>
        public Task RequireChangeAsync(string what, CancellationToken cancellation) =>
            KafkaConnectVersion.RequireAsync(client, ChangeNeeds, what, cancellation);

        /// <summary>The connector's state and tasks: offsets change only when it is STOPPED with no tasks left.</summary>
        public Task<KafkaConnector> StatusAsync(string name, CancellationToken cancellation) =>
            new KafkaConnectConnectorServer(client).GetStatusAsync(name, cancellation);

        /// <summary>What DistributedHerder checks before it changes offsets: target state STOPPED and zero tasks.</summary>
        public static bool CanChange(KafkaConnector status) =>
            string.Equals(status.ConnectorState, "STOPPED", StringComparison.OrdinalIgnoreCase) && status.Tasks.Length == 0;

        /// <summary>PATCH {"offsets": [...]}: the partitions given get these offsets (a null offset resets one); others keep theirs.</summary>
        /// <returns>The server's confirmation, for verbose output.</returns>
        public async Task<string> AlterAsync(string name, IReadOnlyList<KafkaConnectOffsetEntry> entries, CancellationToken cancellation)
        {
            var call = new ApiCall(new HttpMethod("PATCH"), Path(name), $"Changing {Count(entries.Count)} of connector '{name}'")
            {
                JsonBody = Body(entries),
                // The same offsets sent twice leave the same offsets: safe to repeat after a lost reply or a rebalance 409.
                Repeatable = true,
            };
            return Message(await client.SendForTextAsync(call, cancellation).ConfigureAwait(false));
        }

        /// <summary>DELETE: every offset of the connector is forgotten, so it starts over (a sink from its consumer's auto.offset.reset).</summary>
        public async Task<string> ResetAsync(string name, CancellationToken cancellation)
        {
            // A DELETE is repeatable by default: resetting twice leaves no offsets either way.
            var call = new ApiCall(HttpMethod.Delete, Path(name), $"Resetting the offsets of connector '{name}'");
            return Message(await client.SendForTextAsync(call, cancellation).ConfigureAwait(false));
        }

        /// <summary>"1 offset", "3 offsets".</summary>
        public static string Count(int count) => count == 1 ? "1 offset" : count + " offsets";

        internal static string Body(IEnumerable<KafkaConnectOffsetEntry> entries)
        {
            var offsets = new JArray(entries.Select(e => new JObject
            {
                ["partition"] = e.Partition.DeepClone(),
                ["offset"] = e.Offset == null ? JValue.CreateNull() : e.Offset.DeepClone(),
            }));
            return new JObject { ["offsets"] = offsets }.ToString(Formatting.None);
        }

        private static string Path(string name) => KafkaConnectPaths.Connector(name) + "/offsets";

        private IReadOnlyList<KafkaConnectorOffset> Read(string name, JToken reply)
        {
            JObject body = reply as JObject ?? throw new ReplyShapeException($"it is {JsonFields.Describe(reply.Type)}, not {{\"offsets\": [...]}}");
            JToken? list = body["offsets"];
            if (list == null || list.Type == JTokenType.Null)
            {
                return Array.Empty<KafkaConnectorOffset>();
            }

            JArray items = list as JArray ?? throw JsonFields.WrongType("offsets", "an array", list);
            return items.Select(item =>
            {
                JObject entry = item as JObject ?? throw JsonFields.WrongType("offsets[]", "an object", item);
                JObject partition = entry["partition"] as JObject ?? throw new ReplyShapeException("an offset has no partition object");
                JToken? offset = entry["offset"];
                if (offset != null && offset.Type != JTokenType.Null && !(offset is JObject))
                {
                    throw JsonFields.WrongType("offsets[].offset", "an object", offset);
                }

                return new KafkaConnectorOffset
                {
                    ConnectorName = name,
                    Partition = KafkaConnectOffsetValues.ToDictionary(partition),
                    Offset = offset is JObject position ? KafkaConnectOffsetValues.ToDictionary(position) : null,
                    Connection = client.Connection.Public,
                };
            }).ToList();
        }

        /// <summary>{"message": "The offsets for this connector have been altered successfully"}, or whatever came.</summary>
        private static string Message(string body)
        {
            try
            {
                if (body.Trim().Length > 0 && JsonReading.Parse(body) is JObject reply && JsonFields.String(reply, "message") is string message)
                {
                    return message;
                }
            }
            catch (JsonException)
            {
                // A success with an unreadable body is still a success; the status said so.
            }
            catch (ReplyShapeException)
            {
                // Likewise a "message" that is not text.
            }

            return "The server accepted the request.";
        }
    }
}
