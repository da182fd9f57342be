using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Finds the connection for a call when no -Connection (and no piped object) names one, in the documented order:
    /// -Credential, the runspace default from Connect-UpstashKafka, UPSTASH_EMAIL and UPSTASH_API_KEY, then
    /// KAFKA_CONNECT_URL. Never prompts: a prompt hangs a runbook.
    /// </summary>
    internal static class ConnectionResolver
    {
        public const string EmailVariable = "UPSTASH_EMAIL";
        public const string ApiKeyVariable = "UPSTASH_API_KEY";

        /// <summary>A Kafka Connect REST address: when set, the default for a session without Connect-UpstashKafka.</summary>
        public const string KafkaConnectUrlVariable = "KAFKA_CONNECT_URL";

        /// <summary>Basic-auth user and password for <see cref="KafkaConnectUrlVariable"/>; leave both unset for no auth.</summary>
        public const string KafkaConnectUserVariable = "KAFKA_CONNECT_USERNAME";
        public const string KafkaConnectPasswordVariable = "KAFKA_CONNECT_PASSWORD";

        public const string NoCredentialMessage =
            "No Upstash credential or Kafka Connect address was found. Give one in any of these ways: pass -Connection (from " +
            "Connect-UpstashKafka -PassThru) or -Credential (user name = account email, password = API key); run " +
            "Connect-UpstashKafka -Credential ... or Connect-UpstashKafka -KafkaConnectUri ... once in this session; or set the " +
            "environment variables UPSTASH_EMAIL and UPSTASH_API_KEY, or KAFKA_CONNECT_URL.";

        /// <returns>The connection, or null when none of the ways gives one.</returns>
        /// <exception cref="ArgumentException">An address from the environment cannot be used.</exception>
        public static ApiConnection? Resolve(PSCredential? credential, Runspace? runspace)
        {
            ApiConnection? sessionDefault = RunspaceConnections.Get(runspace);
            if (credential != null && credential != PSCredential.Empty)
            {
                // -Credential always means Upstash: a Kafka Connect default lends it neither its address nor its timeout.
                ApiConnection? upstash = sessionDefault?.Kind == ServerKind.Upstash ? sessionDefault : null;
                return new ApiConnection(credential.UserName, credential.Password, upstash?.BaseUri ?? AddressFromEnvironment(), upstash?.Timeout ?? ApiConnection.DefaultTimeout)
                {
                    Source = "-Credential",
                    Retry = sessionDefault?.Retry ?? RetryPolicy.Default,
                };
            }

            if (sessionDefault != null)
            {
                return sessionDefault;
            }

            // *(decision)* With both set (a migration runbook), Upstash stays the default, as it was before Kafka Connect
            // came: the runbook names its Kafka Connect side with -Connection. KAFKA_CONNECT_URL alone makes it the default.
            return UpstashFromEnvironment() ?? KafkaConnectFromEnvironment();
        }

        /// <summary>UPSTASH_API_URL when set, else the public API. Throws ArgumentException for an unusable value.</summary>
        public static Uri AddressFromEnvironment()
        {
            string? text = Environment.GetEnvironmentVariable(ApiAddress.EnvironmentVariable);
            return string.IsNullOrWhiteSpace(text) ? ApiAddress.Default : ApiAddress.Parse(text!, "The environment variable " + ApiAddress.EnvironmentVariable);
        }

        private static ApiConnection? UpstashFromEnvironment()
        {
            string? email = Environment.GetEnvironmentVariable(EmailVariable);
            string? key = Environment.GetEnvironmentVariable(ApiKeyVariable);
            if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(key))
            {
                return null;
            }

            return new ApiConnection(email!.Trim(), ToSecureString(key!), AddressFromEnvironment(), ApiConnection.DefaultTimeout)
            {
                Source = "environment variables " + EmailVariable + " and " + ApiKeyVariable,
            };
        }

        private static ApiConnection? KafkaConnectFromEnvironment()
        {
            string? url = Environment.GetEnvironmentVariable(KafkaConnectUrlVariable);
            if (string.IsNullOrWhiteSpace(url))
            {
                return null;
            }

            string? user = Environment.GetEnvironmentVariable(KafkaConnectUserVariable);
            string? password = Environment.GetEnvironmentVariable(KafkaConnectPasswordVariable);
            bool basic = !string.IsNullOrWhiteSpace(user);
            Uri address = ApiAddress.ParseKafkaConnect(url!, "The environment variable " + KafkaConnectUrlVariable, sendsSecret: basic, allowUnencrypted: false);
            return ApiConnection.KafkaConnect(address, ApiConnection.DefaultKafkaConnectTimeout, basic ? user!.Trim() : null, basic ? ToSecureString(password ?? string.Empty) : null, bearerToken: null)
                .WithSource("environment variable " + KafkaConnectUrlVariable);
        }

        private static ApiConnection WithSource(this ApiConnection connection, string source)
        {
            connection.Source = source;
            return connection;
        }

        private static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (char c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
