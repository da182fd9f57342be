using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Upstash.Kafka.Completers
{
    /// <summary>
    /// Completes a topic name from the topics of -ClusterId (or of every cluster): Get-UpstashKafkaTopic -Name, and
    /// New-UpstashKafkaCredential -Topic (a credential's topic is a name, a prefix ending in *, or *, so what was
    /// typed may hold wildcards and is offered back as typed when it ends in *).
    /// </summary>
    public sealed class TopicNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            string typed = CompletionText.Typed(wordToComplete);
            WildcardPattern pattern = CompletionText.NamePattern(typed);
            IEnumerable<CompletionResult> names = TopicCompletionData.Topics(fakeBoundParameters)
                .Where(t => pattern.IsMatch(t.Name))
                .GroupBy(t => t.Name, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .Select(g => new CompletionResult(
                    CompletionText.Quoted(g.Key),
                    g.Key,
                    CompletionResultType.ParameterValue,
                    string.Join("; ", g.Select(t => $"{t.Name}: {t.Partitions} partition(s), cluster {t.ClusterId}"))));
            // A pattern the user wrote on purpose ('orders-*') stays available as the first choice.
            return typed.EndsWith("*", StringComparison.Ordinal)
                ? new[] { new CompletionResult(CompletionText.Quoted(typed), typed, CompletionResultType.ParameterValue, "Every topic matching " + typed) }.Concat(names)
                : names;
        }
    }
}
