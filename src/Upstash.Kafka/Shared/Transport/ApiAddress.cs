using System;

namespace Upstash.Kafka.Api
{
    /// <summary>Chooses and checks the API's base address.</summary>
    internal static class ApiAddress
    {
        public const string EnvironmentVariable = "UPSTASH_API_URL";

        public static readonly Uri Default = new Uri("https://api.upstash.com/");

        /// <summary>
        /// Returns the address as a base URI ending in '/', or throws <see cref="ArgumentException"/> with a message a
        /// user can act on. Plain http is allowed only to the loopback interface (the emulator, a local proxy):
        /// anywhere else it would send the API key across the network in clear.
        /// </summary>
        public static Uri Validate(Uri address, string origin = "The API address")
        {
            if (!address.IsAbsoluteUri)
            {
                throw new ArgumentException($"{origin} '{address}' is not an absolute URI such as https://api.upstash.com.");
            }

            bool https = string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);
            bool http = string.Equals(address.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase);
            if (!https && !http)
            {
                throw new ArgumentException($"{origin} '{address}' must use https (or http to this machine's loopback interface).");
            }

            if (http && !address.IsLoopback)
            {
                throw new ArgumentException(
                    $"{origin} '{address}' uses plain http to another machine, which would send your API key in clear. " +
                    "Use https, or http only to localhost, 127.0.0.1 or [::1].");
            }

            if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment) || !string.IsNullOrEmpty(address.UserInfo))
            {
                throw new ArgumentException($"{origin} '{address.GetLeftPart(UriPartial.Authority)}...' must not carry a query, fragment or user name.");
            }

            string text = address.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }

        /// <summary>
        /// A Kafka Connect base address, its path kept (*(decision, from the contract)* a proxy or ingress prefix stays,
        /// and connectors... is appended to it). Stock Kafka Connect serves plain http without auth, so http is fine
        /// to any host when nothing secret is sent; with a password or token it is refused off loopback unless
        /// <paramref name="allowUnencrypted"/> (as Invoke-RestMethod -AllowUnencryptedAuthentication).
        /// </summary>
        public static Uri ValidateKafkaConnect(Uri address, string origin, bool sendsSecret, bool allowUnencrypted)
        {
            if (!address.IsAbsoluteUri)
            {
                throw new ArgumentException($"{origin} '{address}' is not an absolute URI such as http://connect.example.com:8083.");
            }

            bool http = string.Equals(address.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase);
            if (!http && !string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{origin} '{address}' must use http or https.");
            }

            if (http && sendsSecret && !allowUnencrypted && !address.IsLoopback)
            {
                throw new ArgumentException(
                    $"{origin} '{address}' uses plain http to another machine, which would send your password or token in clear. " +
                    "Use https, or add -AllowUnencryptedAuthentication if this network is trusted.");
            }

            if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment) || !string.IsNullOrEmpty(address.UserInfo))
            {
                throw new ArgumentException($"{origin} '{address.GetLeftPart(UriPartial.Authority)}...' must not carry a query, fragment or user name; give the user with -Credential.");
            }

            string text = address.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }

        public static Uri ParseKafkaConnect(string text, string origin, bool sendsSecret, bool allowUnencrypted)
        {
            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? uri))
            {
                throw new ArgumentException($"{origin} '{text}' is not an absolute URI such as http://connect.example.com:8083.");
            }

            return ValidateKafkaConnect(uri, origin, sendsSecret, allowUnencrypted);
        }

        public static Uri Parse(string text, string origin)
        {
            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? uri))
            {
                throw new ArgumentException($"{origin} '{text}' is not an absolute URI such as https://api.upstash.com.");
            }

            return Validate(uri, origin);
        }
    }
}
