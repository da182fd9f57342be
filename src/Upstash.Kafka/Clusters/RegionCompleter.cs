using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Upstash.Kafka.Completers
{
    /// <summary>
    /// Completes -Region with the regions the contract names, without asking the API (it has no list of regions).
    /// *(decision)* Only completed, never validated here: an API-compatible server may offer others, and judges them.
    /// </summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        internal static readonly string[] Known = { "eu-west-1", "us-east-1" };

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            string typed = CompletionText.Typed(wordToComplete);
            return Known
                .Where(r => CompletionText.StartsWith(r, typed))
                .Select(r => new CompletionResult(r, r, CompletionResultType.ParameterValue, "AWS region " + r));
        }
    }
}
