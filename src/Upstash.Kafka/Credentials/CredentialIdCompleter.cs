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
            return CompletionText.Ids(
                CompletionData.Credentials(fakeBoundParameters),
                wordToComplete,
                c => c.CredentialId,
                c => c.Name,
                c => $"{c.Name}: {c.Permission} on {c.Topic}, cluster {c.ClusterId}");
        }
    }
}
