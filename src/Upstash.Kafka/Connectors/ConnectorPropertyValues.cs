using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Turns a PowerShell hashtable of connector properties into the string map Kafka Connect reads.
    /// *(decision, from the contract)* Every value is sent as a string, so $true, 5 and '5' give the same config;
    /// arrays become comma-separated lists; SecureString and PSCredential values are decrypted only into this map.
    /// Keys are kept exactly as given.
    /// </summary>
    internal sealed class ConnectorPropertyValues
    {
        private ConnectorPropertyValues(Dictionary<string, string> values, HashSet<string> givenAsSecret)
        {
            Values = values;
            GivenAsSecret = givenAsSecret;
        }

        /// <summary>The map to send, in clear.</summary>
        public Dictionary<string, string> Values { get; }

        /// <summary>Keys whose value came as a SecureString or PSCredential: masked wherever shown, whatever the key's name.</summary>
        public HashSet<string> GivenAsSecret { get; }

        public Dictionary<string, string> Masked()
        {
            Dictionary<string, string> masked = SecretPropertyRules.Masked(Values);
            foreach (string key in GivenAsSecret)
            {
                masked[key] = SecretPropertyRules.Mask;
            }

            return masked;
        }

        /// <summary>
        /// Keys whose value is the mask "********": a connector read back (and piped on) shows that instead of a secret,
        /// and sending it would store the asterisks in place of the real secret.
        /// </summary>
        public IEnumerable<string> MaskedKeys() => Values.Where(p => p.Value.Trim() == SecretPropertyRules.Mask).Select(p => p.Key);

        /// <summary>The message for <see cref="MaskedKeys"/>, after "Connector X was not created: " or the like.</summary>
        public static string MaskedValuesMessage(IEnumerable<string> keys) =>
            $"the value of {string.Join(", ", keys.Select(k => "'" + k + "'"))} is the mask '{SecretPropertyRules.Mask}' that " +
            "Get-UpstashKafkaConnector shows instead of a secret. Sending it would store the asterisks in place of the real secret. " +
            "Give the real value, leave the key out, or read the connector with -IncludeSecret.";

        public IEnumerable<string> SecretValues() =>
            SecretPropertyRules.SecretValues(Values).Concat(GivenAsSecret.Select(key => Values[key]));

        /// <exception cref="ArgumentException">A key or value cannot be sent; the message names the key.</exception>
        public static ConnectorPropertyValues From(IDictionary properties)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var secret = new HashSet<string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in properties)
            {
                string key = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
                if (key.Length == 0)
                {
                    throw new ArgumentException("A connector property has an empty name. Every key of -Property must be a property name such as 'connection.uri'.");
                }

                if (values.ContainsKey(key))
                {
                    throw new ArgumentException($"The connector property '{key}' is given twice.");
                }

                object? value = Unwrap(entry.Value);
                if (value is SecureString || value is PSCredential)
                {
                    secret.Add(key);
                }

                values.Add(key, ToKafkaString(key, value, allowList: true));
            }

            return new ConnectorPropertyValues(values, secret);
        }

        private static string ToKafkaString(string key, object? value, bool allowList)
        {
            switch (value)
            {
                case null:
                    throw new ArgumentException($"The connector property '{key}' is $null. Give it a value, or leave the key out.");
                case string text:
                    return text;
                case bool flag:
                    return flag ? "true" : "false";
                case SecureString secure:
                    return new NetworkCredential(string.Empty, secure).Password;
                case PSCredential credential:
                    return credential.GetNetworkCredential().Password;
                case IDictionary _:
                    throw new ArgumentException(
                        $"The connector property '{key}' is a nested hashtable. Kafka Connect properties are flat: write each nested key as its own dotted name, e.g. '{key}.name'.");
                case Enum choice:
                    return choice.ToString();
                case IEnumerable list when allowList:
                    // Kafka Connect's list syntax: "a,b,c".
                    return string.Join(",", list.Cast<object?>().Select(item => ToKafkaString(key, Unwrap(item), allowList: false)));
                case IEnumerable _:
                    throw new ArgumentException($"The connector property '{key}' is a list inside a list. Give a flat list of values.");
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return value.ToString() ?? string.Empty;
            }
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
