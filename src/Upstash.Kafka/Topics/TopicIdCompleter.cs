using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Upstash.Kafka.Completers
{
    /// <summary>Completes -TopicId from the topics of -ClusterId (or of every cluster); typing the start of a topic's name finds its id.</summary>
    public sealed class TopicIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            return CompletionText.Ids(
                TopicCompletionData.Topics(fakeBoundParameters),
                wordToComplete,
                t => t.TopicId,
                t => t.Name,
                t => $"{t.Name}: {t.Partitions} partition(s), cluster {t.ClusterId}");
        }
    }
}
