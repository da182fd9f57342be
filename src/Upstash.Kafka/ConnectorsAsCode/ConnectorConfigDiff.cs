using System;
using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// The keys that differ between a connector's configuration on the cluster and in its file, both in clear.
    /// A secret's change is reported with both values hidden, and an unchanged secret is no change at all: real
    /// values are compared, so a file with ${env:...} references shows no perpetual diff.
    /// </summary>
    internal static class ConnectorConfigDiff
    {
        public static KafkaConnectorPropertyChange[] Changes(IReadOnlyDictionary<string, string> current, ResolvedConnectorConfig wanted)
        {
            var changes = new List<KafkaConnectorPropertyChange>();
            foreach (string key in current.Keys.Union(wanted.Values.Keys).OrderBy(k => k, StringComparer.Ordinal))
            {
                bool before = current.TryGetValue(key, out string? was);
                bool after = wanted.Values.TryGetValue(key, out string? will);
                if (before && after && string.Equals(was, will, StringComparison.Ordinal))
                {
                    continue;
                }

                bool secret = wanted.FromReferences.Contains(key) || SecretPropertyRules.IsSecret(key, was) || SecretPropertyRules.IsSecret(key, will);
                ConnectorPropertyChangeKind kind = !before ? ConnectorPropertyChangeKind.Added : !after ? ConnectorPropertyChangeKind.Removed : ConnectorPropertyChangeKind.Changed;
                changes.Add(new KafkaConnectorPropertyChange(key, kind, Shown(was, secret), Shown(will, secret), secret));
            }

            return changes.ToArray();
        }

        /// <summary>The configuration as it may be shown: secrets by the usual rules and every key from a reference masked.</summary>
        public static Dictionary<string, string> Masked(ResolvedConnectorConfig config)
        {
            Dictionary<string, string> masked = SecretPropertyRules.Masked(config.Values);
            foreach (string key in config.FromReferences)
            {
                masked[key] = SecretPropertyRules.Mask;
            }

            return masked;
        }

        /// <summary>Every value that must never be shown: the usual secrets and every value that came from a reference.</summary>
        public static IEnumerable<string> SecretValues(ResolvedConnectorConfig config) =>
            SecretPropertyRules.SecretValues(config.Values).Concat(config.FromReferences.Select(k => config.Values[k]));

        private static string? Shown(string? value, bool secret) => value == null ? null : secret ? SecretPropertyRules.Mask : value;
    }
}
