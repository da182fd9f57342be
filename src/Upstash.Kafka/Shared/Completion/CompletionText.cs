using System;
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

        /// <summary>A wildcard pattern for names: what was typed, then anything.</summary>
        public static WildcardPattern NamePattern(string typed) =>
            WildcardPattern.Get(typed.EndsWith("*", StringComparison.Ordinal) ? typed : typed + "*", WildcardOptions.IgnoreCase);
    }
}
