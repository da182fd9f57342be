using System;
using System.Collections.Generic;
using System.Linq;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Validation
{
    /// <summary>
    /// A configuration being validated, with what several checks need to know about it: its class, whether it is a
    /// sink, and each value as Kafka Connect would see it once ${env:...} references are resolved.
    /// </summary>
    internal sealed class ConfigUnderTest
    {
        private readonly Func<string, string?> environment;

        public ConfigUnderTest(string? fileName, IReadOnlyDictionary<string, string> config, Func<string, string?> environment)
        {
            FileName = fileName;
            Config = config;
            this.environment = environment;
            ConnectorClass = config.TryGetValue(ConnectorClassKey, out string? cls) && !string.IsNullOrWhiteSpace(cls) ? cls.Trim() : null;
            Hosted = ConnectorClass == null ? null : KnownConnectorClasses.Find(ConnectorClass);

            // (decision) A class Upstash did not host is taken as a sink when its name says so, as Kafka Connect
            // plugin names nearly always do; only a sink needs topics.
            IsSink = Hosted?.IsSink ?? ConnectorClass?.EndsWith("SinkConnector", StringComparison.Ordinal) ?? false;
        }

        public const string ConnectorClassKey = "connector.class";

        public string? FileName { get; }

        public IReadOnlyDictionary<string, string> Config { get; }

        /// <summary>connector.class, trimmed; null when missing or blank.</summary>
        public string? ConnectorClass { get; }

        /// <summary>The class as Upstash hosted it, or null for any other class.</summary>
        public KnownConnectorClass? Hosted { get; }

        public bool IsSink { get; }

        public string? Environment(string variable) => environment(variable);

        /// <summary>
        /// The value of a key as Kafka Connect would read it: references resolved, then trimmed. False when the key is
        /// absent, is the mask ******** or refers to a variable that is not set: those are reported once, by
        /// MaskedValueCheck and EnvReferenceCheck, instead of by every check that cannot read the value.
        /// </summary>
        public bool TryGetResolved(string key, out string value)
        {
            value = string.Empty;
            if (!Config.TryGetValue(key, out string? raw) || raw == null || raw.Trim() == SecretPropertyRules.Mask)
            {
                return false;
            }

            string? resolved = EnvReferences.ResolveValue(raw, environment);
            if (resolved == null)
            {
                return false;
            }

            value = resolved.Trim();
            return true;
        }

        /// <summary>A list value in Kafka Connect's syntax (comma-separated, blanks around items ignored); empty when absent.</summary>
        public IReadOnlyList<string> ResolvedList(string key) =>
            TryGetResolved(key, out string value)
                ? value.Split(',').Select(item => item.Trim()).Where(item => item.Length > 0).ToList()
                : (IReadOnlyList<string>)Array.Empty<string>();

        public bool HasValue(string key) => TryGetResolved(key, out string value) && value.Length > 0;

        /// <summary>Whether the hosted class requires the key: an empty value is then RequiredKeysCheck's to report.</summary>
        public bool IsRequired(string key) => Hosted != null && Hosted.RequiredKeys.Any(alternatives => alternatives.Contains(key));
    }
}
