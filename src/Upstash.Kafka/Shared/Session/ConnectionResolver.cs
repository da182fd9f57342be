using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Finds the credential for a call, in the documented order: -Credential, the runspace default from
    /// Connect-UpstashKafka, then UPSTASH_EMAIL and UPSTASH_API_KEY. Never prompts: a prompt hangs a runbook.
    /// </summary>
    internal static class ConnectionResolver
    {
        public const string EmailVariable = "UPSTASH_EMAIL";
        public const string ApiKeyVariable = "UPSTASH_API_KEY";

        public const string NoCredentialMessage =
            "No Upstash credential was found. Give one in any of three ways: pass -Credential (user name = account email, " +
            "password = API key); run Connect-UpstashKafka -Credential ... once in this session; or set the environment " +
            "variables UPSTASH_EMAIL and UPSTASH_API_KEY.";

        /// <returns>The connection, or null when none of the three ways gives one.</returns>
        public static ApiConnection? Resolve(PSCredential? credential, Runspace? runspace)
        {
            ApiConnection? sessionDefault = RunspaceConnections.Get(runspace);
            if (credential != null && credential != PSCredential.Empty)
            {
                Uri baseUri = sessionDefault?.BaseUri ?? AddressFromEnvironment();
                TimeSpan timeout = sessionDefault?.Timeout ?? ApiConnection.DefaultTimeout;
                return new ApiConnection(credential.UserName, credential.Password, baseUri, timeout)
                {
                    Source = "-Credential",
                    Retry = sessionDefault?.Retry ?? RetryPolicy.Default,
                };
            }

            if (sessionDefault != null)
            {
                return sessionDefault;
            }

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

        /// <summary>UPSTASH_API_URL when set, else the public API. Throws ArgumentException for an unusable value.</summary>
        public static Uri AddressFromEnvironment()
        {
            string? text = Environment.GetEnvironmentVariable(ApiAddress.EnvironmentVariable);
            return string.IsNullOrWhiteSpace(text) ? ApiAddress.Default : ApiAddress.Parse(text!, "The environment variable " + ApiAddress.EnvironmentVariable);
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
