using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>Reads a connector reply into a <see cref="KafkaConnector"/>, masking secret properties unless asked not to.</summary>
    internal static class ConnectorReader
    {
        private static readonly HashSet<string> KnownFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "connector_id", "name", "customer_id", "cluster_id", "creation_time", "deletion_time", "state",
            "state_error_message", "connector_state", "tasks", "topics", "connector_class", "properties",
            "encoded_username", "TTL",
        };

        /// <exception cref="ReplyShapeException">The value is not a connector.</exception>
        public static KafkaConnector Read(JToken token, bool includeSecrets)
        {
            if (!(token is JObject obj))
            {
                throw new ReplyShapeException("its body is " + JsonFields.Describe(token.Type) + ", not a connector object");
            }

            string? id = JsonFields.String(obj, "connector_id");
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ReplyShapeException("the object it returned has no connector_id, so it is not a connector");
            }

            Dictionary<string, string> properties = ReadProperties(obj);
            var connector = new KafkaConnector
            {
                ConnectorId = id!,
                Name = JsonFields.String(obj, "name") ?? string.Empty,
                CustomerId = JsonFields.String(obj, "customer_id"),
                ClusterId = JsonFields.String(obj, "cluster_id") ?? string.Empty,
                CreationTime = UnixTime.FromSeconds(JsonFields.Seconds(obj, "creation_time")),
                DeletionTime = UnixTime.FromSeconds(JsonFields.Seconds(obj, "deletion_time")),
                State = JsonFields.String(obj, "state"),
                StateErrorMessage = JsonFields.String(obj, "state_error_message"),
                ConnectorState = JsonFields.String(obj, "connector_state"),
                Tasks = ReadTasks(obj),
                Topics = ReadTopics(obj),
                ConnectorClass = JsonFields.String(obj, "connector_class"),
                EncodedUsername = JsonFields.String(obj, "encoded_username"),
                Ttl = UnixTime.FromSeconds(JsonFields.Seconds(obj, "TTL")),
                Properties = new ConnectorProperties(includeSecrets ? properties : SecretPropertyRules.Masked(properties)),
                SecretsMasked = !includeSecrets && properties.Count > 0,
            };

            // One redactor of the connector's secret values, for the failure message, the task traces and unknown fields.
            var echoed = new SecretRedactor().AddRange(SecretPropertyRules.SecretValues(properties));
            if (!includeSecrets)
            {
                EchoedSecrets.HideIn(connector, echoed);
            }

            // Unknown fields may quote the configuration too: mask a secret-looking one whole, and the connector's
            // secret values (or a user:password@ URI) wherever they appear in the others.
            connector.AdditionalFields = UnknownFields.Read(obj, KnownFields, echoed, includeSecrets);

            return connector;
        }

        /// <summary>The properties of a reply in clear (for reconfigure, which must send the complete map back).</summary>
        public static Dictionary<string, string> ReadProperties(JObject obj)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            JToken? token = obj["properties"];
            if (token == null || token.Type == JTokenType.Null)
            {
                return result;
            }

            if (!(token is JObject properties))
            {
                throw JsonFields.WrongType("properties", "an object", token);
            }

            foreach (JProperty property in properties.Properties())
            {
                if (property.Value.Type == JTokenType.Null)
                {
                    continue;
                }

                result[property.Name] = JsonFields.IsScalar(property.Value)
                    ? JsonFields.ScalarText(property.Value)
                    : throw JsonFields.WrongType("properties." + property.Name, "a string", property.Value);
            }

            return result;
        }

        private static KafkaConnectorTask[] ReadTasks(JObject obj)
        {
            JToken? token = obj["tasks"];
            if (token == null || token.Type == JTokenType.Null)
            {
                return Array.Empty<KafkaConnectorTask>();
            }

            if (!(token is JArray array))
            {
                throw JsonFields.WrongType("tasks", "an array", token);
            }

            return array.Select(item => item is JObject task
                    ? new KafkaConnectorTask
                    {
                        Id = JsonFields.Int(task, "id"),
                        State = JsonFields.String(task, "state"),
                        Trace = JsonFields.String(task, "trace"),
                    }
                    : throw JsonFields.WrongType("tasks[]", "an object", item))
                .ToArray();
        }

        private static string[] ReadTopics(JObject obj)
        {
            JToken? token = obj["topics"];
            if (token == null || token.Type == JTokenType.Null)
            {
                return Array.Empty<string>();
            }

            if (!(token is JArray array))
            {
                throw JsonFields.WrongType("topics", "an array", token);
            }

            return array.Select(item => JsonFields.IsScalar(item) ? JsonFields.ScalarText(item) : throw JsonFields.WrongType("topics[]", "a string", item)).ToArray();
        }
    }
}
