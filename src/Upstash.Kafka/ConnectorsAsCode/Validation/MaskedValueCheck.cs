using System;
using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka.Validation
{
    /// <summary>
    /// No value is the mask ******** the module shows instead of a secret: sending it would replace the real secret
    /// with asterisks (a configuration copied from Get-UpstashKafkaConnector output without -IncludeSecret).
    /// </summary>
    internal sealed class MaskedValueCheck : IConfigCheck
    {
        public IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config) =>
            config.Config
                .Where(pair => pair.Value != null && pair.Value.Trim() == SecretPropertyRules.Mask)
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => ConnectorConfigProblem.Error(
                    pair.Key,
                    $"{pair.Key} is the mask {SecretPropertyRules.Mask} shown instead of a secret, not the secret itself. " +
                    "Give the real value or an ${env:VARIABLE} reference."))
                .ToList();
    }
}
