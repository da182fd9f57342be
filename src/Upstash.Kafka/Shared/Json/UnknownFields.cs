using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Reply fields this version does not know, kept as JSON text rather than dropped (a newer server may send more),
    /// with secrets hidden: a secret-looking field is masked whole, nested secret-looking values are masked, and the
    /// secrets the caller knows are redacted wherever they appear.
    /// </summary>
    internal static class UnknownFields
    {
        public static Dictionary<string, string> Read(JObject obj, ICollection<string> known, SecretRedactor echoed, bool includeSecrets = false)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JProperty extra in obj.Properties().Where(p => !known.Contains(p.Name)))
            {
                string text = extra.Value.ToString(Formatting.None);
                fields[extra.Name] = includeSecrets ? text
                    : SecretPropertyRules.IsSecret(extra.Name, text) || SecretPropertyRules.ContainsUriWithPassword(text) ? SecretPropertyRules.Mask
                    : echoed.Redact(MaskNestedSecrets(extra.Value).ToString(Formatting.None));
            }

            return fields;
        }

        /// <summary>A copy of an unknown field with every nested property whose key or value looks secret masked.</summary>
        private static JToken MaskNestedSecrets(JToken value)
        {
            JToken copy = value.DeepClone();
            if (!(copy is JContainer container))
            {
                return copy;
            }

            foreach (JProperty nested in container.Descendants().OfType<JProperty>().ToList())
            {
                if (JsonFields.IsScalar(nested.Value) && SecretPropertyRules.IsSecret(nested.Name, JsonFields.ScalarText(nested.Value)))
                {
                    nested.Value = SecretPropertyRules.Mask;
                }
            }

            return copy;
        }
    }
}
