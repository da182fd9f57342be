using System.Collections.Generic;

namespace Upstash.Kafka.Validation
{
    /// <summary>
    /// A "name" inside the config agrees with the connector's name in its file: Kafka Connect's POST /connectors
    /// refuses a body whose config.name differs from its name.
    /// </summary>
    internal sealed class ConfigNameCheck : IConfigCheck
    {
        private const string Name = "name";

        public IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config)
        {
            if (config.FileName != null && config.TryGetResolved(Name, out string inConfig) && inConfig != config.FileName.Trim())
            {
                yield return ConnectorConfigProblem.Error(Name, $"name in the config ('{inConfig}') differs from the connector's name '{config.FileName}', which Kafka Connect refuses. Remove it from the config or make the two equal.");
            }
        }
    }
}
