using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Upstash.Kafka.Completers
{
    /// <summary>Completes connector.class values from the classes Upstash hosted. Offline and instant.</summary>
    public sealed class ConnectorClassCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return KnownConnectorClasses.All
                .Where(c => c.ClassName.IndexOf(typed, System.StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(c => new CompletionResult("'" + c.ClassName + "'", c.ClassName, CompletionResultType.ParameterValue, c.Description));
        }
    }
}
