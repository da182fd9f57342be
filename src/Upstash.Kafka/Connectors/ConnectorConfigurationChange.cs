using System;
using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// What Set-UpstashKafkaConnector does to a configuration: merge keys in, remove keys, or replace it all, always
    /// ending with the complete map to post (connector.class included). Keys compare exactly, as Kafka Connect does.
    /// </summary>
    internal sealed class ConnectorConfigurationChange
    {
        public const string ConnectorClassKey = "connector.class";

        public ConnectorConfigurationChange(ConnectorPropertyValues? set, IReadOnlyCollection<string> remove, bool replace)
        {
            Set = set;
            Remove = remove;
            Replace = replace;
        }

        public ConnectorPropertyValues? Set { get; }

        public IReadOnlyCollection<string> Remove { get; }

        public bool Replace { get; }

        public bool IsEmpty => !Replace && (Set == null || Set.Values.Count == 0) && Remove.Count == 0;

        /// <summary>Keys of -Property whose value is the mask: sending one would overwrite a real secret with "********".</summary>
        public IEnumerable<string> MaskedKeys() => Set == null ? Enumerable.Empty<string>() : Set.MaskedKeys();

        /// <summary>"set a, b; remove c" or "replace the whole configuration (3 properties)", for -WhatIf and -Confirm.</summary>
        public string Describe()
        {
            if (Replace)
            {
                return $"Replace the whole configuration with {Set?.Values.Count ?? 0} properties";
            }

            var parts = new List<string>();
            if (Set != null && Set.Values.Count > 0)
            {
                parts.Add("set " + string.Join(", ", Set.Values.Keys));
            }

            if (Remove.Count > 0)
            {
                parts.Add("remove " + string.Join(", ", Remove));
            }

            return "Reconfigure Kafka connector: " + string.Join("; ", parts);
        }

        /// <summary>The complete configuration after the change, from the current one (in clear).</summary>
        public Dictionary<string, string> ApplyTo(IReadOnlyDictionary<string, string> current)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!Replace)
            {
                foreach (KeyValuePair<string, string> pair in current)
                {
                    result[pair.Key] = pair.Value;
                }
            }

            foreach (KeyValuePair<string, string> pair in Set?.Values ?? new Dictionary<string, string>())
            {
                result[pair.Key] = pair.Value;
            }

            foreach (string key in Remove)
            {
                result.Remove(key);
            }

            // A replacement without connector.class keeps the current one: the class is what the connector is.
            if (!result.ContainsKey(ConnectorClassKey) && current.TryGetValue(ConnectorClassKey, out string? connectorClass))
            {
                result[ConnectorClassKey] = connectorClass;
            }

            return result;
        }

        /// <summary>The result with secrets masked for showing: by the usual rules, plus every key given as a SecureString.</summary>
        public Dictionary<string, string> Masked(IReadOnlyDictionary<string, string> result)
        {
            Dictionary<string, string> masked = SecretPropertyRules.Masked(result);
            foreach (string key in Set?.GivenAsSecret ?? new HashSet<string>())
            {
                if (masked.ContainsKey(key))
                {
                    masked[key] = SecretPropertyRules.Mask;
                }
            }

            return masked;
        }

        /// <summary>
        /// The same configuration on either kind of server: Kafka Connect keeps the connector's name in its config
        /// and an Upstash map may hold one too, but "name" is the connector's key, not part of what is compared.
        /// </summary>
        public static bool SameConfigurationApartFromName(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
            SameConfiguration(WithoutName(a), WithoutName(b));

        private static Dictionary<string, string> WithoutName(IReadOnlyDictionary<string, string> map) =>
            map.Where(pair => pair.Key != "name").ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

        public static bool SameConfiguration(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
            a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out string? other) && string.Equals(pair.Value, other, StringComparison.Ordinal));
    }
}
