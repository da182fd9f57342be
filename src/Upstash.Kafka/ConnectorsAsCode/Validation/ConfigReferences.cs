using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Upstash.Kafka.Validation
{
    /// <summary>
    /// The ${provider:[path:]key} references of Kafka Connect's config providers in one value. Only the env provider
    /// (EnvVarConfigProvider) is resolved here, because that is all the module resolves before sending.
    /// </summary>
    internal static class ConfigReferences
    {
        // Kafka's own pattern (ConfigTransformer.DEFAULT_PATTERN): provider, optional path, key.
        private static readonly Regex Reference = new Regex(@"\$\{([^}]*?):(([^}]*?):)?([^}]*?)\}", RegexOptions.CultureInvariant);

        public const string EnvProvider = "env";

        public static IEnumerable<ConfigReference> In(string value) =>
            Reference.Matches(value).Cast<Match>().Select(m => new ConfigReference(m.Groups[1].Value, m.Groups[4].Value));

        /// <summary>The value with every ${env:...} replaced; null when a variable it names is not set.</summary>
        public static string? Resolve(string value, Func<string, string?> environment)
        {
            bool missing = false;
            string resolved = Reference.Replace(value, m =>
            {
                if (m.Groups[1].Value != EnvProvider)
                {
                    return m.Value;
                }

                string? found = environment(m.Groups[4].Value);
                missing |= found == null;
                return found ?? string.Empty;
            });
            return missing ? null : resolved;
        }
    }

    internal sealed class ConfigReference
    {
        public ConfigReference(string provider, string key)
        {
            Provider = provider;
            Key = key;
        }

        public string Provider { get; }

        /// <summary>For the env provider, the variable's name.</summary>
        public string Key { get; }
    }
}
