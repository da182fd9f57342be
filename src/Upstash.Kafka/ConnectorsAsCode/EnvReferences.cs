using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// ${env:VARIABLE} references in config values, the syntax of Kafka Connect's EnvVarConfigProvider. Upstash has
    /// no config providers, so the module resolves them from the environment before anything is compared or sent;
    /// a self-hosted worker with config.providers=env resolves the same files itself.
    /// </summary>
    internal static class EnvReferences
    {
        public const string MissingVariableErrorId = "EnvironmentVariableNotSet";

        // Kafka Connect's ConfigTransformer pattern: ${provider:[path:]key}, anywhere inside a value.
        private static readonly Regex Reference = new Regex(@"\$\{([^}]*?):(([^}]*?):)?([^}]*?)\}", RegexOptions.CultureInvariant);

        /// <summary>"${env:NAME}".</summary>
        public static string For(string variable) => "${env:" + variable + "}";

        /// <summary>Whether the value holds any ${provider:...} reference.</summary>
        public static bool HasReference(string value) => value.IndexOf("${", StringComparison.Ordinal) >= 0 && Reference.IsMatch(value);

        /// <summary>The environment variables a value refers to, in order.</summary>
        public static IEnumerable<string> VariablesIn(string value) =>
            Reference.Matches(value).Cast<Match>().Where(IsEnv).Select(VariableOf);

        /// <summary>
        /// The name Export gives the variable for a secret: UPSTASH_&lt;CONNECTOR&gt;_&lt;KEY&gt;, upper-case, every character
        /// other than A-Z and 0-9 written as '_' (e.g. orders-source, connection.uri: UPSTASH_ORDERS_SOURCE_CONNECTION_URI).
        /// </summary>
        public static string VariableName(string connectorName, string key)
        {
            var name = new StringBuilder("UPSTASH_");
            AppendSafe(name, connectorName);
            name.Append('_');
            AppendSafe(name, key);
            return name.ToString();
        }

        /// <summary>
        /// The file's configuration with every ${env:...} replaced by the variable's value. Every missing variable is
        /// named in one error, with the key and the file, so the user can set them all at once.
        /// </summary>
        /// <exception cref="ConnectorFileException">A variable is not set.</exception>
        public static ResolvedConnectorConfig Resolve(ConnectorFile file, Func<string, string?> lookup)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var fromReferences = new HashSet<string>(StringComparer.Ordinal);
            var missing = new List<KeyValuePair<string, string>>();
            foreach (KeyValuePair<string, string> pair in file.ConfigInOrder)
            {
                if (!HasReference(pair.Value))
                {
                    values[pair.Key] = pair.Value;
                    continue;
                }

                if (VariablesIn(pair.Value).Any())
                {
                    fromReferences.Add(pair.Key);
                }

                values[pair.Key] = Reference.Replace(pair.Value, match =>
                {
                    if (!IsEnv(match))
                    {
                        // *(decision, as Test-UpstashKafkaConnectorConfig warns)* Another provider's reference is sent
                        // as written: a self-hosted worker may resolve it, and Upstash would show it failing.
                        return match.Value;
                    }

                    string variable = VariableOf(match);
                    string? value = variable.Length == 0 ? null : lookup(variable);
                    if (value == null)
                    {
                        missing.Add(new KeyValuePair<string, string>(variable.Length == 0 ? match.Value : variable, pair.Key));
                        return match.Value;
                    }

                    return value;
                });
            }

            if (missing.Count > 0)
            {
                string[] named = missing.Select(m => $"{m.Key} (for '{m.Value}')").ToArray();
                string which = named.Length == 1 ? "the environment variable " + named[0] + " is" : "the environment variables " + string.Join(", ", named) + " are";
                throw new ConnectorFileException(
                    $"Connector {file}: {which} not set, so nothing of this connector was sent. Set it (e.g. $env:{missing[0].Key} = '...') and run the command again.",
                    file.Path,
                    MissingVariableErrorId);
            }

            return new ResolvedConnectorConfig(values, fromReferences);
        }

        /// <summary>Every ${provider:[path:]key} reference in a value, env or not, as (provider, key), in order.</summary>
        public static IEnumerable<KeyValuePair<string, string>> AllIn(string value) =>
            Reference.Matches(value).Cast<Match>().Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, VariableOf(m)));

        /// <summary>One value with its ${env:...} references replaced; null when a variable it names is not set.</summary>
        public static string? ResolveValue(string value, Func<string, string?> lookup)
        {
            bool missing = false;
            string resolved = Reference.Replace(value, match =>
            {
                string? found = !IsEnv(match) ? match.Value : VariableOf(match).Length == 0 ? null : lookup(VariableOf(match));
                missing |= found == null;
                return found ?? match.Value;
            });
            return missing ? null : resolved;
        }

        private static bool IsEnv(Match match) => string.Equals(match.Groups[1].Value, "env", StringComparison.Ordinal);

        // ${env:NAME} has no path; ${env::NAME} has an empty one. Either way the variable is the key part.
        private static string VariableOf(Match match) => match.Groups[4].Value;

        private static void AppendSafe(StringBuilder name, string text)
        {
            foreach (char c in text.ToUpperInvariant())
            {
                name.Append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
            }
        }
    }

    /// <summary>A configuration with its references resolved, in clear, and which keys came from a reference.</summary>
    internal sealed class ResolvedConnectorConfig
    {
        public ResolvedConnectorConfig(Dictionary<string, string> values, HashSet<string> fromReferences)
        {
            Values = values;
            FromReferences = fromReferences;
        }

        /// <summary>The configuration to compare and send. Holds secrets: never shown.</summary>
        public Dictionary<string, string> Values { get; }

        /// <summary>
        /// Keys whose value came from the environment: *(decision)* treated as secret wherever shown, whatever the
        /// key's name, since putting a value in a variable is how a user says it is one.
        /// </summary>
        public HashSet<string> FromReferences { get; }
    }
}
