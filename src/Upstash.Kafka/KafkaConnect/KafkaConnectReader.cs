using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Reads Kafka Connect's ConnectorInfo (create, get, PUT config, expand=info) and ConnectorStateInfo (status,
    /// expand=status, a 202 restart) into one <see cref="KafkaConnector"/>, masking secret properties unless asked not
    /// to and redacting the connector's secret values wherever a trace quotes them.
    /// </summary>
    internal static class KafkaConnectReader
    {
        public const string NameKey = "name";

        /// <exception cref="ReplyShapeException">Neither part is a connector.</exception>
        public static KafkaConnector Read(JToken? info, JToken? status, bool includeSecrets)
        {
            JObject? infoObject = AsObject(info, "info");
            JObject? statusObject = AsObject(status, "status");
            string? name = (infoObject != null ? JsonFields.String(infoObject, "name") : null) ?? (statusObject != null ? JsonFields.String(statusObject, "name") : null);
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ReplyShapeException("the object it returned has no name, so it is not a connector");
            }

            Dictionary<string, string> config = infoObject == null ? new Dictionary<string, string>(StringComparer.Ordinal) : ReadConfig(infoObject["config"]);
            config.TryGetValue("connector.class", out string? connectorClass);
            config.TryGetValue("topics", out string? topics);
            var connector = new KafkaConnector
            {
                ConnectorId = name!,
                Name = name!,
                ConnectorClass = connectorClass,
                Type = (infoObject != null ? JsonFields.String(infoObject, "type") : null) ?? (statusObject != null ? JsonFields.String(statusObject, "type") : null),
                // *(decision, from the contract)* Topics come from the configuration's "topics" list (sinks); the
                // server's own topic tracking (GET .../topics) is another request and may be turned off.
                Topics = topics == null ? Array.Empty<string>() : topics.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).ToArray(),
                Properties = new ConnectorProperties(includeSecrets ? config : SecretPropertyRules.Masked(config)),
                SecretsMasked = !includeSecrets && config.Count > 0,
                Tasks = statusObject == null ? InfoTasks(infoObject) : StatusTasks(statusObject),
            };

            if (statusObject != null)
            {
                ReadConnectorStatus(connector, statusObject);
            }

            if (!includeSecrets)
            {
                // Traces often quote the configuration (a connection string that did not parse, with its password).
                EchoedSecrets.HideIn(connector, new SecretRedactor().AddRange(SecretPropertyRules.SecretValues(config)));
            }

            return connector;
        }

        /// <summary>
        /// The module's lowercase state for Kafka Connect's: *(decision, from the contract)* UNASSIGNED (no worker has
        /// it yet) is pending, the others lower-cased (running, paused, failed, restarting, stopped).
        /// </summary>
        public static string? ModuleState(string? connectState) =>
            connectState == null ? null
            : string.Equals(connectState, "UNASSIGNED", StringComparison.OrdinalIgnoreCase) ? "pending"
            : connectState.ToLowerInvariant();

        /// <summary>A flat string map, "name" left out: it is the connector's key, not part of what a user configures or compares.</summary>
        public static Dictionary<string, string> ReadConfig(JToken? token)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (token == null || token.Type == JTokenType.Null)
            {
                return result;
            }

            if (!(token is JObject config))
            {
                throw JsonFields.WrongType("config", "an object", token);
            }

            foreach (JProperty property in config.Properties())
            {
                if (property.Value.Type == JTokenType.Null || property.Name == NameKey)
                {
                    continue;
                }

                result[property.Name] = JsonFields.IsScalar(property.Value)
                    ? JsonFields.ScalarText(property.Value)
                    : throw JsonFields.WrongType("config." + property.Name, "a string", property.Value);
            }

            return result;
        }

        private static void ReadConnectorStatus(KafkaConnector connector, JObject status)
        {
            JToken? part = status["connector"];
            if (part == null || part.Type == JTokenType.Null)
            {
                return;
            }

            if (!(part is JObject instance))
            {
                throw JsonFields.WrongType("connector", "an object", part);
            }

            connector.ConnectorState = JsonFields.String(instance, "state");
            connector.State = ModuleState(connector.ConnectorState);
            connector.WorkerId = JsonFields.String(instance, "worker_id");
            connector.StateErrorMessage = JsonFields.String(instance, "trace");
        }

        private static KafkaConnectorTask[] StatusTasks(JObject status) =>
            Items(status, "tasks").Select(item => item is JObject task
                    ? new KafkaConnectorTask
                    {
                        Id = JsonFields.Int(task, "id"),
                        State = JsonFields.String(task, "state"),
                        WorkerId = JsonFields.String(task, "worker_id"),
                        Trace = JsonFields.String(task, "trace"),
                    }
                    : throw JsonFields.WrongType("tasks[]", "an object", item))
                .ToArray();

        /// <summary>ConnectorInfo names its tasks ({"connector":..,"task":0}) without their state.</summary>
        private static KafkaConnectorTask[] InfoTasks(JObject? info) =>
            info == null
                ? Array.Empty<KafkaConnectorTask>()
                : Items(info, "tasks").Select(item => item is JObject task
                        ? new KafkaConnectorTask { Id = JsonFields.Int(task, "task") }
                        : throw JsonFields.WrongType("tasks[]", "an object", item))
                    .ToArray();

        private static IEnumerable<JToken> Items(JObject obj, string name)
        {
            JToken? token = obj[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return Enumerable.Empty<JToken>();
            }

            return token is JArray array ? array : throw JsonFields.WrongType(name, "an array", token);
        }

        private static JObject? AsObject(JToken? token, string what)
        {
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            return token as JObject ?? throw new ReplyShapeException($"its {what} is {JsonFields.Describe(token.Type)}, not a connector object");
        }
    }
}
