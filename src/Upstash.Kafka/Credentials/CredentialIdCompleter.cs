using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Upstash.Kafka.Completers
{
    /// <summary>Completes -CredentialId from the account's credentials (of -ClusterId when given); typing a credential's name finds its id.</summary>
    public sealed class CredentialIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            string typed = CompletionText.Typed(wordToComplete);
            return CompletionData.Credentials(fakeBoundParameters)
                .Where(c => CompletionText.StartsWith(c.CredentialId, typed) || CompletionText.StartsWith(c.Name, typed))
                .Select(c => new CompletionResult(
                    CompletionText.Quoted(c.CredentialId),
                    $"{c.Name} ({c.CredentialId})",
                    CompletionResultType.ParameterValue,
                    $"{c.Name}: {c.Permission} on {c.Topic}, cluster {c.ClusterId}"));
        }
    }
}
