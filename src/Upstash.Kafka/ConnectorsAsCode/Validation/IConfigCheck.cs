using System.Collections.Generic;

namespace Upstash.Kafka.Validation
{
    /// <summary>One kind of check of a connector configuration; see ConnectorConfigValidator for the list.</summary>
    internal interface IConfigCheck
    {
        IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config);
    }
}
