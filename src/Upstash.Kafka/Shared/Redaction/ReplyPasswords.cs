using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Cluster, topic and credential replies carry "password" in clear; -Debug shows reply bodies, so the value is
    /// masked there (wherever it appears in the reply, not only in its own field).
    /// </summary>
    internal static class ReplyPasswords
    {
        public static string Mask(string body)
        {
            JToken token;
            try
            {
                token = JsonReading.Parse(body);
            }
            catch (JsonException)
            {
                return body;
            }

            var found = new SecretRedactor();
            foreach (JProperty property in (token as JContainer)?.Descendants().OfType<JProperty>() ?? Enumerable.Empty<JProperty>())
            {
                if (property.Name == "password" && JsonFields.IsScalar(property.Value))
                {
                    found.Add(JsonFields.ScalarText(property.Value));
                }
            }

            return found.Redact(body);
        }
    }
}
