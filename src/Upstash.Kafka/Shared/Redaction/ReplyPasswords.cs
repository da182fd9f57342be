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

        /// <summary>
        /// The reply text with every password, and every other field that looks secret by the module's rules, masked,
        /// and those values redacted wherever else they appear. A reply that cannot be parsed is not shown at all.
        /// </summary>
        public static string MaskForDebug(string body)
        {
            JToken token;
            try
            {
                token = JsonReading.Parse(body);
            }
            catch (JsonException)
            {
                return Unreadable(body);
            }

            var echoed = new SecretRedactor().AddRange(In(token));
            foreach (JProperty property in Properties(token).Where(IsSecret).ToList())
            {
                if (JsonFields.IsScalar(property.Value))
                {
                    echoed.Add(JsonFields.ScalarText(property.Value));
                }

                property.Value = SecretRedactor.Mask;
            }

            return echoed.Redact(token.ToString(Formatting.None));
        }

        /// <summary>What -Debug shows of a reply that is not valid JSON: its secrets cannot be found, so none of it.</summary>
        public static string Unreadable(string body) => $"(a reply that is not valid JSON, {body.Length} characters, not shown)";

        private static bool IsSecret(JProperty property) =>
            property.Name == Field
            || (JsonFields.IsScalar(property.Value) && SecretPropertyRules.IsSecret(property.Name, JsonFields.ScalarText(property.Value)));
    }
}
