using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Upstash.Kafka.Completers
{
    /// <summary>Completes -Name from the connectors of -ClusterId (or of every cluster); what was typed may hold wildcards.</summary>
    public sealed class ConnectorNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            WildcardPattern pattern = CompletionText.NamePattern(CompletionText.Typed(wordToComplete));
            return CompletionData.Connectors(fakeBoundParameters)
                .Where(c => pattern.IsMatch(c.Name))
                .GroupBy(c => c.Name, System.StringComparer.Ordinal)
                .OrderBy(g => g.Key, System.StringComparer.OrdinalIgnoreCase)
                .Select(g => new CompletionResult(
                    CompletionText.Quoted(g.Key),
                    g.Key,
                    CompletionResultType.ParameterValue,
                    string.Join("; ", g.Select(c => $"{c.Name}: {c.State}" + CompletionText.InCluster(c.ClusterId)))));
        }
    }
}
