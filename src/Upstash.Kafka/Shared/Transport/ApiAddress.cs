using System;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Chooses and checks a server's base address. Messages show an address without its user info: a
    /// http://user:password@host would otherwise put the password in an error.
    /// </summary>
    internal static class ApiAddress
    {
        public const string EnvironmentVariable = "UPSTASH_API_URL";

        public static readonly Uri Default = new Uri("https://api.upstash.com/");

        private const string UpstashExample = "https://api.upstash.com";
        private const string KafkaConnectExample = "http://connect.example.com:8083";

        /// <summary>
        /// Returns the address as a base URI ending in '/', or throws <see cref="ArgumentException"/> with a message a
        /// user can act on. Plain http is allowed only to the loopback interface (the emulator, a local proxy):
        /// anywhere else it would send the API key across the network in clear.
        /// </summary>
        public static Uri Validate(Uri address, string origin = "The API address") =>
            Check(address, origin, UpstashExample, httpToAnotherMachine: "which would send your API key in clear. Use https, or http only to localhost, 127.0.0.1 or [::1].");

        /// <summary>
        /// A Kafka Connect base address, its path kept (*(decision, from the contract)* a proxy or ingress prefix stays,
        /// and connectors... is appended to it). Stock Kafka Connect serves plain http without auth, so http is fine
        /// to any host when nothing secret is sent; with a password or token it is refused off loopback unless
        /// <paramref name="allowUnencrypted"/> (as Invoke-RestMethod -AllowUnencryptedAuthentication).
        /// </summary>
        public static Uri ValidateKafkaConnect(Uri address, string origin, bool sendsSecret, bool allowUnencrypted) =>
            Check(
                address,
                origin,
                KafkaConnectExample,
                httpToAnotherMachine: sendsSecret && !allowUnencrypted
                    ? "which would send your password or token in clear. Use https, or add -AllowUnencryptedAuthentication if this network is trusted."
                    : null);

        public static Uri Parse(string text, string origin) => Validate(Absolute(text, origin, UpstashExample), origin);

        public static Uri ParseKafkaConnect(string text, string origin, bool sendsSecret, bool allowUnencrypted) =>
            ValidateKafkaConnect(Absolute(text, origin, KafkaConnectExample), origin, sendsSecret, allowUnencrypted);

        /// <summary>The address as messages may show it: scheme, host, port and path, never user info.</summary>
        public static string Shown(Uri? address)
        {
            if (address == null || !address.IsAbsoluteUri)
            {
                return address == null ? string.Empty : "(a relative address)";
            }

            return IsHttp(address) || IsHttps(address)
                ? address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
                : address.Scheme + ":...";
        }

        /// <param name="httpToAnotherMachine">Why plain http to another machine is refused; null when it is allowed.</param>
        private static Uri Check(Uri address, string origin, string example, string? httpToAnotherMachine)
        {
            if (!address.IsAbsoluteUri)
            {
                throw new ArgumentException($"{origin} is not an absolute URI such as {example}.");
            }

            // User info first: every later message quotes the address, and this part may hold a password.
            if (!string.IsNullOrEmpty(address.UserInfo))
            {
                throw new ArgumentException($"{origin} '{Shown(address)}' must not carry a user name or password; give them with -Credential.");
            }

            bool http = IsHttp(address);
            if (!http && !IsHttps(address))
            {
                throw new ArgumentException($"{origin} '{Shown(address)}' must use http or https, e.g. {example}.");
            }

            if (http && !address.IsLoopback && httpToAnotherMachine != null)
            {
                throw new ArgumentException($"{origin} '{Shown(address)}' uses plain http to another machine, {httpToAnotherMachine}");
            }

            if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
            {
                throw new ArgumentException($"{origin} '{Shown(address)}...' must not carry a query or fragment.");
            }

            string text = address.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }

        private static Uri Absolute(string text, string origin, string example) =>
            Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? uri)
                ? uri
                : throw new ArgumentException($"{origin} is not an absolute URI such as {example}.");

        private static bool IsHttp(Uri address) => string.Equals(address.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase);

        private static bool IsHttps(Uri address) => string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);
    }
}
