using System.Collections.Generic;

namespace Upstash.Kafka.Validation
{
    /// <summary>connector.class is there, is a Java class name, and (a warning otherwise) is one Upstash hosted.</summary>
    internal sealed class ConnectorClassCheck : IConfigCheck
    {
        /// <summary>The warning for a class Upstash did not host: said only where Upstash is the server (see ConnectorConfigValidator.ForKafkaConnect).</summary>
        public const string NotHostedMessage = "This connector class is not one Upstash hosted; it can only run on a Kafka Connect worker that has its plugin installed.";

        public IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config)
        {
            const string key = ConfigUnderTest.ConnectorClassKey;
            if (!config.Config.ContainsKey(key))
            {
                yield return ConnectorConfigProblem.Error(key, "connector.class is missing: every connector needs the Java class of its plugin, e.g. com.mongodb.kafka.connect.MongoSourceConnector.");
                yield break;
            }

            if (!config.TryGetResolved(key, out string cls))
            {
                yield break; // An unset ${env:...}: reported by EnvReferenceCheck.
            }

            if (cls.Length == 0)
            {
                yield return ConnectorConfigProblem.Error(key, "connector.class is empty: give the Java class of the connector's plugin.");
            }
            else if (!JavaClassName.IsValid(cls))
            {
                yield return ConnectorConfigProblem.Error(key, "connector.class is not a Java class name (dotted identifiers, e.g. io.debezium.connector.mysql.MySqlConnector).");
            }
            else if (config.Hosted == null)
            {
                yield return ConnectorConfigProblem.Warning(key, NotHostedMessage);
            }
        }
    }
}
