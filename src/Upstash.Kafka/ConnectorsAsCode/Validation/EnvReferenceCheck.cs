using System;
using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka.Validation
{
    /// <summary>
    /// Every ${env:VARIABLE} names a variable that is set (the module resolves them before sending, and a missing one
    /// stops the connector). A reference to another config provider (${file:...}, ${vault:...}) is a warning: Upstash
    /// had no config providers, so the text would be sent as it stands; a self-hosted worker may resolve it.
    /// </summary>
    internal sealed class EnvReferenceCheck : IConfigCheck
    {
        public IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config)
        {
            foreach (KeyValuePair<string, string> pair in config.Config.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (pair.Value == null)
                {
                    continue;
                }

                foreach (ConfigReference reference in ConfigReferences.In(pair.Value))
                {
                    if (reference.Provider != ConfigReferences.EnvProvider)
                    {
                        yield return ConnectorConfigProblem.Warning(pair.Key, $"{pair.Key} refers to the config provider '{reference.Provider}', which this module does not resolve: the reference is sent as written.");
                    }
                    else if (reference.Key.Length == 0)
                    {
                        yield return ConnectorConfigProblem.Error(pair.Key, $"{pair.Key} has an ${{env:}} reference without a variable name.");
                    }
                    else if (config.Environment(reference.Key) == null)
                    {
                        yield return ConnectorConfigProblem.Error(pair.Key, $"{pair.Key} refers to the environment variable {reference.Key}, which is not set.");
                    }
                }
            }
        }
    }
}
