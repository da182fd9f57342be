using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Upstash.Kafka.Completers
{
    /// <summary>Completes a cluster -Name from the account's clusters.</summary>
    public sealed class ClusterNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            WildcardPattern typed = CompletionText.NamePattern(CompletionText.Typed(wordToComplete));
            return CompletionData.Clusters(fakeBoundParameters)
                .Where(c => typed.IsMatch(c.Name))
                .Select(c => new CompletionResult(CompletionText.Quoted(c.Name), c.Name, CompletionResultType.ParameterValue, $"Cluster {c.Name}: {c.ClusterId}"));
        }
    }
}
