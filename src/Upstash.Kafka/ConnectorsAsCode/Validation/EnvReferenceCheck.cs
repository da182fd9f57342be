using System;
using System.Collections.Generic;
using System.Linq;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Validation
{
    /// <summary>
    /// Every ${env:VARIABLE} names a variable that is set (the module resolves them before sending, and a missing one
    /// stops the connector). A reference to another config provider (${file:...}, ${vault:...}) is a warning: Upstash
    /// had no config providers, so the text would be sent as it stands; a self-hosted worker may resolve it.
    /// </summary>
    internal sealed class EnvReferenceCheck : IConfigCheck
    {
        private const string EnvProvider = "env";

        public IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config)
        {
            foreach (KeyValuePair<string, string> pair in config.Config.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (pair.Value == null)
                {
                    continue;
                }

                foreach (KeyValuePair<string, string> reference in EnvReferences.AllIn(pair.Value))
                {
                    string provider = reference.Key;
                    string variable = reference.Value;
                    if (provider != EnvProvider)
                    {
                        yield return ConnectorConfigProblem.Warning(pair.Key, $"{pair.Key} refers to the config provider '{provider}', which this module does not resolve: the reference is sent as written.");
                    }
                    else if (variable.Length == 0)
                    {
                        yield return ConnectorConfigProblem.Error(pair.Key, $"{pair.Key} has an ${{env:}} reference without a variable name.");
                    }
                    else if (config.Environment(variable) == null)
                    {
                        yield return ConnectorConfigProblem.Error(pair.Key, $"{pair.Key} refers to the environment variable {variable}, which is not set.");
                    }
                }
            }
        }
    }
}
