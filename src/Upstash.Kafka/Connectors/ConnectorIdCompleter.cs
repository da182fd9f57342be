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
            return CompletionText.Ids(
                CompletionData.Connectors(fakeBoundParameters),
                wordToComplete,
                c => c.ConnectorId,
                c => c.Name,
                c => $"{c.Name}: {c.State}, {c.ConnectorClass}" + CompletionText.InCluster(c.ClusterId));
        }
    }
}
