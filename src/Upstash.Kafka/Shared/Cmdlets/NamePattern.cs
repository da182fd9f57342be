using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// One -Name value of a Get cmdlet, and whether anything matched it. The API has no get-by-name, so names are
    /// found by listing and filtering; PowerShell's own convention then applies: an exact name that matched nothing is
    /// an error, a wildcard that matched nothing is not.
    /// </summary>
    internal sealed class NamePattern
    {
        private readonly WildcardPattern pattern;
        private int matched;

        public NamePattern(string text)
        {
            Text = text;
            HasWildcards = WildcardPattern.ContainsWildcardCharacters(text);
            pattern = WildcardPattern.Get(text, WildcardOptions.IgnoreCase);
        }

        public string Text { get; }

        public bool HasWildcards { get; }

        /// <summary>Set from the thread that reads the list, read on the pipeline thread afterwards.</summary>
        public bool Matched => Volatile.Read(ref matched) != 0;

        public bool Match(string name)
        {
            if (!pattern.IsMatch(name))
            {
                return false;
            }

            Interlocked.Exchange(ref matched, 1);
            return true;
        }

        /// <summary>True with no patterns. Not Any(): every pattern must see every name, to know later which exact names matched nothing.</summary>
        public static bool MatchesAny(List<NamePattern> patterns, string name)
        {
            bool any = patterns.Count == 0;
            foreach (NamePattern pattern in patterns)
            {
                any |= pattern.Match(name);
            }

            return any;
        }
    }
}
