using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Upstash.Kafka
{
    /// <summary>
    /// Decides which connector properties are secret, and masks them. *(decision, from the contract)* Secret is every
    /// key whose name contains password, secret, private.key, keyfile, key.id, token or credential; the connection
    /// strings of the hosted classes (connection.uri, mongodb.connection.string), which usually embed a password; and
    /// every value that is a URI with a user:password part or a password= parameter.
    /// </summary>
    public static class SecretPropertyRules
    {
        /// <summary>What a masked value reads. A value equal to this is never sent back to the server.</summary>
        public const string Mask = "********";

        private static readonly string[] SecretKeyParts = { "password", "secret", "private.key", "keyfile", "key.id", "token", "credential" };

        private static readonly HashSet<string> SecretKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "connection.uri",
            "mongodb.connection.string",
        };

        // scheme://user[:password]@host, including jdbc:postgresql:// and mongodb+srv://.
        private static readonly Regex UriWithUserInfo = new Regex(
            @"^[a-z][a-z0-9+.\-]*(:[a-z][a-z0-9+.\-]*)*://[^/?#@\s]+@",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex UriWithPasswordInside = new Regex(
            @"[a-z][a-z0-9+.\-]*://[^/?#@\s""]+:[^/?#@\s""]+@",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static bool IsSecret(string key, string? value)
        {
            if (SecretKeys.Contains(key) || HasSecretPart(key))
            {
                return true;
            }

            return value != null && IsSecretValue(value);
        }

        // A loop, not Any() with a lambda: this runs for every property several times per call, and the lambda's
        // closure over the key was an allocation each time.
        private static bool HasSecretPart(string key)
        {
            foreach (string part in SecretKeyParts)
            {
                if (key.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a longer text (a message, a JSON fragment) holds a URI with a password anywhere in it.</summary>
        public static bool ContainsUriWithPassword(string text) => MayHoldUserInfo(text) && UriWithPasswordInside.IsMatch(text);

        public static bool IsSecretValue(string value) =>
            value.IndexOf("password=", StringComparison.OrdinalIgnoreCase) >= 0 || (MayHoldUserInfo(value) && UriWithUserInfo.IsMatch(value.Trim()));

        /// <summary>
        /// Both patterns need "://" and an "@" after it; most values have neither, and the regex interpreter ran for
        /// every property several times per create (5 us of it per call in the profile, issue 14).
        /// </summary>
        private static bool MayHoldUserInfo(string text)
        {
            int scheme = text.IndexOf("://", StringComparison.Ordinal);
            return scheme > 0 && text.IndexOf('@', scheme) > 0;
        }

        /// <summary>A copy of the properties with every secret value replaced by <see cref="Mask"/>.</summary>
        public static Dictionary<string, string> Masked(IEnumerable<KeyValuePair<string, string>> properties)
        {
            var masked = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> pair in properties)
            {
                masked[pair.Key] = IsSecret(pair.Key, pair.Value) && pair.Value.Length > 0 ? Mask : pair.Value;
            }

            return masked;
        }

        /// <summary>The clear values that masking hides, for redacting them from any text.</summary>
        public static IEnumerable<string> SecretValues(IEnumerable<KeyValuePair<string, string>> properties) =>
            properties.Where(p => IsSecret(p.Key, p.Value)).Select(p => p.Value);
    }
}
