using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Cluster, topic and credential replies carry a "password" in clear. These helpers find every such value in a
    /// reply, so it can be redacted from all later text, and mask them in a reply before -Debug shows it.
    /// </summary>
    internal static class ReplyPasswords
    {
        private const string Field = "password";

        /// <summary>Every non-empty "password" value anywhere in the reply.</summary>
        public static IEnumerable<string> In(JToken token) =>
            Properties(token)
                .Where(p => p.Name == Field && JsonFields.IsScalar(p.Value))
                .Select(p => JsonFields.ScalarText(p.Value))
                .Where(v => v.Length > 0)
                .ToList();

        private static IEnumerable<JProperty> Properties(JToken token) =>
            token is JContainer container ? container.Descendants().OfType<JProperty>() : Enumerable.Empty<JProperty>();

        /// <summary>The reply text with every password masked, and those values redacted wherever else they appear.</summary>
        public static string MaskForDebug(string body)
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

            var echoed = new SecretRedactor().AddRange(In(token));
            foreach (JProperty property in Properties(token).Where(p => p.Name == Field).ToList())
            {
                property.Value = SecretRedactor.Mask;
            }

            return echoed.Redact(token.ToString(Formatting.None));
        }
    }
}
