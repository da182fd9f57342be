using System.Collections.Generic;

namespace Upstash.Kafka.Validation
{
    /// <summary>A sink names what it reads: topics or topics.regex, exactly one of them (Kafka Connect refuses both or neither).</summary>
    internal sealed class SinkTopicsCheck : IConfigCheck
    {
        private const string Topics = "topics";
        private const string TopicsRegex = "topics.regex";

        public IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config)
        {
            if (!config.IsSink)
            {
                yield break;
            }

            bool topics = Given(config, Topics);
            bool regex = Given(config, TopicsRegex);
            if (topics && regex)
            {
                yield return ConnectorConfigProblem.Error(TopicsRegex, "A sink takes topics or topics.regex, not both: Kafka Connect refuses the configuration.");
            }
            else if (!topics && !regex)
            {
                yield return ConnectorConfigProblem.Error(Topics, "A sink needs topics (a comma-separated list) or topics.regex to know what to read.");
            }
        }

        // A value behind an unset variable counts as given; EnvReferenceCheck reports the variable.
        private static bool Given(ConfigUnderTest config, string key) =>
            config.TryGetResolved(key, out string value) ? value.Length > 0 : config.Config.ContainsKey(key);
    }
}
