using System;
using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka.Validation
{
    /// <summary>Connection strings have the scheme their connector reads: mongodb:// for MongoDB, jdbc: for JDBC, http(s):// for HTTP.</summary>
    internal sealed class UriShapeCheck : IConfigCheck
    {
        private static readonly string[] MongoSchemes = { "mongodb://", "mongodb+srv://" };
        private static readonly string[] HttpSchemes = { "http://", "https://" };

        private static readonly Rule[] Rules =
        {
            new Rule(c => c.StartsWith("com.mongodb.kafka.connect.", StringComparison.Ordinal), "connection.uri", MongoSchemes, "a MongoDB connection string (mongodb:// or mongodb+srv://)"),
            new Rule(c => c.StartsWith("io.debezium.connector.mongodb.", StringComparison.Ordinal), "mongodb.connection.string", MongoSchemes, "a MongoDB connection string (mongodb:// or mongodb+srv://)"),
            new Rule(c => c.IndexOf(".jdbc.", StringComparison.OrdinalIgnoreCase) >= 0, "connection.url", new[] { "jdbc:" }, "a JDBC URL (jdbc:postgresql://..., jdbc:mysql://...)"),
            new Rule(c => c == "io.aiven.kafka.connect.http.HttpSinkConnector", "http.url", HttpSchemes, "an http:// or https:// URL"),
            // OpenSearch takes a comma-separated list of node URLs.
            new Rule(c => c == "io.aiven.kafka.connect.opensearch.OpensearchSinkConnector", "connection.url", HttpSchemes, "one or more http:// or https:// URLs, comma-separated", list: true),
        };

        public IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config)
        {
            if (config.ConnectorClass == null)
            {
                yield break;
            }

            foreach (Rule rule in Rules.Where(r => r.AppliesTo(config.ConnectorClass)))
            {
                if (!config.TryGetResolved(rule.Key, out string value) || value.Length == 0)
                {
                    continue; // Missing or empty is RequiredKeysCheck's to say.
                }

                IEnumerable<string> items = rule.List ? value.Split(',').Select(v => v.Trim()) : new[] { value };
                if (!items.All(item => rule.Schemes.Any(s => item.StartsWith(s, StringComparison.OrdinalIgnoreCase))))
                {
                    yield return ConnectorConfigProblem.Error(rule.Key, $"{rule.Key} must be {rule.Expected}.");
                }
            }
        }

        private sealed class Rule
        {
            private readonly Func<string, bool> appliesTo;

            public Rule(Func<string, bool> appliesTo, string key, string[] schemes, string expected, bool list = false)
            {
                this.appliesTo = appliesTo;
                Key = key;
                Schemes = schemes;
                Expected = expected;
                List = list;
            }

            public string Key { get; }

            public string[] Schemes { get; }

            public string Expected { get; }

            public bool List { get; }

            public bool AppliesTo(string connectorClass) => appliesTo(connectorClass);
        }
    }
}
