using System.Management.Automation;
using System.Security;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// The Kafka user name and password the API returns in clear (clusters, topics, credentials), turned into a
    /// PSCredential as soon as they are read: the password then exists only as a SecureString on the output object,
    /// so no view, ToString, ConvertTo-Json or Export-Csv can show it, and it feeds a Kafka client or a vault as is.
    /// </summary>
    internal static class KafkaLogin
    {
        /// <summary>Null when either part is missing: a credential without a password is no login at all.</summary>
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
            return new PSCredential(userName!, secure);
        }
    }
}
