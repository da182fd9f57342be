using System;
using System.Collections.Generic;
using System.Linq;
using Upstash.Kafka.Validation;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Validates one connector configuration offline, the way Kafka Connect's config/validate would but without a
    /// server: Test-UpstashKafkaConnectorConfig reports what it finds, and Sync-UpstashKafkaConnector refuses a
    /// connector with an error among them. Each check is its own class in Validation/.
    /// </summary>
    internal static class ConnectorConfigValidator
    {
        private static readonly IConfigCheck[] Checks =
        {
            new ConnectorClassCheck(),
            new RequiredKeysCheck(),
            new SinkTopicsCheck(),
            new UriShapeCheck(),
            new NumberShapeCheck(),
            new BooleanShapeCheck(),
            new TransformChainCheck(),
            new PluginClassCheck(),
            new MaskedValueCheck(),
            new EnvReferenceCheck(),
            new ConfigNameCheck(),
        };

        /// <summary>Every problem found, errors and warnings, in the order of the checks; empty when all is well.</summary>
        /// <param name="fileName">
        /// The connector's name as its file gives it (the top-level "name" of a JSON file, the name= line of a
        /// .properties file, -Name of the cmdlet); null when there is none. A "name" inside the config must agree with it.
        /// </param>
        /// <param name="config">
        /// The configuration, with ${env:...} references resolved or not: a reference to a variable that is set is
        /// checked by its value, and one that is not set is itself a problem.
        /// </param>
        public static IReadOnlyList<ConnectorConfigProblem> Validate(string? fileName, IReadOnlyDictionary<string, string> config) =>
            Validate(fileName, config, Environment.GetEnvironmentVariable);

        internal static IReadOnlyList<ConnectorConfigProblem> Validate(
            string? fileName, IReadOnlyDictionary<string, string> config, Func<string, string?> environment)
        {
            if (config == null)
            {
                throw new ArgumentNullException(nameof(config));
            }

            var underTest = new ConfigUnderTest(fileName, config, environment);
            return Checks.SelectMany(check => check.Check(underTest)).ToList();
        }

        /// <summary>
        /// The problems that matter on a Kafka Connect server: there any class with its plugin installed runs, so
        /// "not one Upstash hosted" is noise (the server's own validation says whether the plugin is there).
        /// </summary>
        public static IEnumerable<ConnectorConfigProblem> ForKafkaConnect(IEnumerable<ConnectorConfigProblem> problems) =>
            problems.Where(p => p.Message != Validation.ConnectorClassCheck.NotHostedMessage);

        /// <summary>Whether a connector with these problems may be sent: warnings alone do not stop it.</summary>
        public static bool IsValid(IEnumerable<ConnectorConfigProblem> problems) =>
            problems.All(p => p.Severity != ConnectorConfigSeverity.Error);
    }
}
