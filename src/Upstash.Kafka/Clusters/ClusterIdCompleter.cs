using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Upstash.Kafka.Completers
{
    /// <summary>Completes -ClusterId from the account's clusters; typing the start of a cluster's name finds its id too.</summary>
    public sealed class ClusterIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            string typed = CompletionText.Typed(wordToComplete);
            return CompletionData.Clusters(fakeBoundParameters)
                .Where(c => CompletionText.StartsWith(c.ClusterId, typed) || CompletionText.StartsWith(c.Name, typed))
                .Select(c => new CompletionResult(CompletionText.Quoted(c.ClusterId), $"{c.Name} ({c.ClusterId})", CompletionResultType.ParameterValue, $"Cluster {c.Name}: {c.ClusterId}"));
        }
    }
}
