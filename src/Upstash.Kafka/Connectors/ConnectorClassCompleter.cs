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
            string typed = CompletionText.Typed(wordToComplete);

            // Prefix matches when there are any, so a shell that inserts the common prefix keeps what was typed;
            // otherwise any class containing the text ("Mongo", "Jdbc"), which a menu shows in full. Class names
            // are plain tokens, so they go back unquoted (a quote would become the common prefix).
            List<KnownConnectorClass> matches = KnownConnectorClasses.All.Where(c => CompletionText.StartsWith(c.ClassName, typed)).ToList();
            if (matches.Count == 0)
            {
                matches = KnownConnectorClasses.All.Where(c => c.ClassName.IndexOf(typed, System.StringComparison.OrdinalIgnoreCase) >= 0).ToList();
            }

            return matches.Select(c => new CompletionResult(CompletionText.Quoted(c.ClassName), c.ClassName, CompletionResultType.ParameterValue, c.Description));
        }
    }
}
