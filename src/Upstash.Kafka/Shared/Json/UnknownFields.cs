using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Keeps the reply fields a version of the module does not know yet, as JSON text, so nothing the server sends is
    /// lost; a secret-looking one is masked whole and known secret values are masked wherever else they appear.
    /// </summary>
    internal static class UnknownFields
    {
        public static Dictionary<string, string> Read(JObject obj, ICollection<string> known, SecretRedactor secrets)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JProperty extra in obj.Properties().Where(p => !known.Contains(p.Name)))
            {
                string text = extra.Value.ToString(Formatting.None);
                result[extra.Name] = SecretPropertyRules.IsSecret(extra.Name, text) || SecretPropertyRules.ContainsUriWithPassword(text)
                    ? SecretPropertyRules.Mask
                    : secrets.Redact(text);
            }

            return result;
        }
    }
}
