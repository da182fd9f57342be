using System.Management.Automation;
using System.Security;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// The Kafka user name and password the API returns in clear, made into the one form the module ever shows: a
    /// PSCredential whose password is a SecureString, so it feeds a Kafka client or a secret vault without ever being
    /// a plain string in a view, ToString, ConvertTo-Json or Export-Csv.
    /// </summary>
    internal static class KafkaLogin
    {
        /// <summary>Null when either part is missing: a credential without a password is no credential.</summary>
        public static PSCredential? From(string? userName, string? password)
        {
            if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password))
            {
                return null;
            }

            var secure = new SecureString();
            foreach (char c in password!)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return new PSCredential(userName, secure);
        }
    }
}
