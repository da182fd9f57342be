using System;
using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Replaces known secret strings (the API key, secret connector property values) in any text that may reach a
    /// person: server error messages can echo what was sent, and debug output shows bodies.
    /// </summary>
    internal sealed class SecretRedactor
    {
        public const string Mask = "********";

        // Sync-UpstashKafkaConnector works on several connectors at once through one client, so secrets are added
        // and texts redacted from several threads: every use of the list holds this lock.
        private readonly object gate = new object();
        private readonly List<string> secrets = new List<string>();

        public static SecretRedactor None { get; } = new SecretRedactor();

        public SecretRedactor Add(string? secret)
        {
            // Very short values would mask ordinary words; a real key or password is longer than this.
            if (string.IsNullOrEmpty(secret) || secret!.Length < 4)
            {
                return this;
            }

            lock (gate)
            {
                if (!secrets.Contains(secret))
                {
                    secrets.Add(secret);
                    secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
                }
            }

            return this;
        }

        public SecretRedactor AddRange(IEnumerable<string> values)
        {
            foreach (string value in values)
            {
                Add(value);
            }

            return this;
        }

        public string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            string result = text!;
            string[] known;
            lock (gate)
            {
                known = secrets.ToArray();
            }

            foreach (string secret in known.Where(s => result.IndexOf(s, StringComparison.Ordinal) >= 0))
            {
                result = result.Replace(secret, Mask);
            }

            return result;
        }
    }
}
