using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Secrets a server echoes back: Kafka Connect's failure messages and task traces quote the configuration (a
    /// connection string that did not parse, with its password), and a connector reply carries it whole. One place
    /// for both kinds of server.
    /// </summary>
    internal static class EchoedSecrets
    {
        /// <summary>Masks the given values wherever the connector's failure message and task traces quote them.</summary>
        public static KafkaConnector HideIn(KafkaConnector connector, SecretRedactor redactor)
        {
            connector.StateErrorMessage = connector.StateErrorMessage == null ? null : redactor.Redact(connector.StateErrorMessage);
            foreach (KafkaConnectorTask task in connector.Tasks)
            {
                task.Trace = task.Trace == null ? null : redactor.Redact(task.Trace);
            }

            return connector;
        }

        /// <summary>
        /// A reply's text for -Debug with the secret values of its configuration map (<paramref name="mapField"/>:
        /// Upstash's "properties", Kafka Connect's "config") masked, and those values redacted wherever else they
        /// appear in it.
        /// </summary>
        public static string MaskInReply(string body, string mapField)
        {
            JToken token;
            try
            {
                token = JsonReading.Parse(body);
            }
            catch (JsonException)
            {
                return ReplyPasswords.Unreadable(body);
            }

            if (!(token is JObject obj) || !(obj[mapField] is JObject map))
            {
                return body;
            }

            var echoed = new SecretRedactor();
            foreach (JProperty property in map.Properties())
            {
                if (JsonFields.IsScalar(property.Value) && SecretPropertyRules.IsSecret(property.Name, JsonFields.ScalarText(property.Value)))
                {
                    echoed.Add(JsonFields.ScalarText(property.Value));
                    property.Value = SecretPropertyRules.Mask;
                }
            }

            return echoed.Redact(obj.ToString(Formatting.None));
        }
    }
}
