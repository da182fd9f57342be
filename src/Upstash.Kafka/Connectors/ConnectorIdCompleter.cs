using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Upstash.Kafka.Completers
{
    /// <summary>
    /// Completes -ConnectorId from the connectors of -ClusterId (or of every cluster); typing the start of a
    /// connector's name finds its id, which nobody remembers.
    /// </summary>
    public sealed class ConnectorIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            string typed = CompletionText.Typed(wordToComplete);
            return CompletionData.Connectors(fakeBoundParameters)
                .Where(c => CompletionText.StartsWith(c.ConnectorId, typed) || CompletionText.StartsWith(c.Name, typed))
                .Select(c => new CompletionResult(
                    CompletionText.Quoted(c.ConnectorId),
                    $"{c.Name} ({c.ConnectorId})",
                    CompletionResultType.ParameterValue,
                    $"{c.Name}: {c.State}, {c.ConnectorClass}, cluster {c.ClusterId}"));
        }
    }
}
