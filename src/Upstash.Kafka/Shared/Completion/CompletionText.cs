using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Upstash.Kafka.Completers
{
    /// <summary>What the user has typed so far, and how to write a value back onto the command line.</summary>
    internal static class CompletionText
    {
        // Characters that end a bare token or start an expression: a value holding one must be quoted.
        private static readonly char[] NeedsQuotes = { ' ', '\'', '"', '`', '$', ';', ',', '(', ')', '{', '}', '@', '#', '&', '|', '<', '>', '[', ']' };

        public static string Typed(string? wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');

        public static bool StartsWith(string? value, string typed) =>
            value != null && value.StartsWith(typed, StringComparison.OrdinalIgnoreCase);

        /// <summary>The value as PowerShell must see it: bare when it is one plain token, otherwise single-quoted.</summary>
        public static string Quoted(string value)
        {
            bool plain = value.Length > 0 && value.IndexOfAny(NeedsQuotes) < 0;
            return plain ? value : "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'";
        }

        /// <summary>
        /// Ids to offer for what was typed: the start of an id, or of the object's name, since nobody remembers ids.
        /// Each shows as "name (id)" with <paramref name="tooltip"/> as its description.
        /// </summary>
        public static IEnumerable<CompletionResult> Ids<T>(IEnumerable<T> items, string? wordToComplete, Func<T, string> id, Func<T, string> name, Func<T, string> tooltip)
        {
            string typed = Typed(wordToComplete);
            return items
                .Where(item => StartsWith(id(item), typed) || StartsWith(name(item), typed))
                .Select(item => new CompletionResult(Quoted(id(item)), $"{name(item)} ({id(item)})", CompletionResultType.ParameterValue, tooltip(item)));
        }

        /// <summary>A wildcard pattern for names: what was typed, then anything.</summary>
        public static WildcardPattern NamePattern(string typed) =>
            WildcardPattern.Get(typed.EndsWith("*", StringComparison.Ordinal) ? typed : typed + "*", WildcardOptions.IgnoreCase);

        /// <summary>", cluster 7568..." for an Upstash connector; nothing on Kafka Connect, which has no clusters.</summary>
        public static string InCluster(string clusterId) => clusterId.Length == 0 ? string.Empty : ", cluster " + clusterId;
    }
}
