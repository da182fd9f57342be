using System.Management.Automation;
using System.Threading;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// One -Name value, and whether anything matched it: PowerShell's own convention is that an exact name that
    /// matches nothing is an error, a wildcard that matches nothing is not. Matching may happen on a pool thread.
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

        /// <summary>
        /// True with no patterns (no -Name means every object). Not Any(): every pattern must see every name, to know
        /// later which exact names matched nothing.
        /// </summary>
        public static bool MatchesAny(System.Collections.Generic.ICollection<NamePattern> patterns, string name)
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
