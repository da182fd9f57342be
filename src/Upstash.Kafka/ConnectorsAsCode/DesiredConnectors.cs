using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>One connector as its file wants it: the file, and its configuration with references resolved.</summary>
    internal sealed class DesiredConnector
    {
        public DesiredConnector(ConnectorFile file, ResolvedConnectorConfig config)
        {
            File = file;
            Config = config;
        }

        public ConnectorFile File { get; }

        public ResolvedConnectorConfig Config { get; }

        public string Name => File.Name;
    }

    /// <summary>
    /// The connectors a set of files wants, for Compare and Sync. Each file is read, its ${env:...} references
    /// resolved and its configuration validated on its own: a file that fails stops only its own connector, with an
    /// error naming the file. Runs on the pipeline thread, so it writes errors and warnings itself.
    /// </summary>
    internal sealed class DesiredConnectors
    {
        private DesiredConnectors(List<DesiredConnector> connectors, HashSet<string> refusedNames, int unreadableFiles)
        {
            Connectors = connectors;
            RefusedNames = refusedNames;
            UnreadableFiles = unreadableFiles;
        }

        /// <summary>The connectors that may be compared and sent, in file order.</summary>
        public List<DesiredConnector> Connectors { get; }

        /// <summary>Names whose file was refused: on the cluster they are neither changed nor "Unmanaged" (nor pruned).</summary>
        public HashSet<string> RefusedNames { get; }

        /// <summary>
        /// Files whose connector name could not even be read. *(decision)* While there are any, -Prune removes
        /// nothing: the broken file may be the one that describes a connector the cluster has.
        /// </summary>
        public int UnreadableFiles { get; }

        /// <param name="keepReferences">
        /// Keep ${provider:...} references as written (Sync/Compare -KeepReferences): a Kafka Connect worker with config
        /// providers resolves them itself and returns them unresolved, so they are sent and compared as text.
        /// </param>
        /// <param name="kafkaConnect">The server is Kafka Connect: warnings that only concern Upstash are not given.</param>
        public static DesiredConnectors Load(UpstashKafkaCmdlet cmdlet, IEnumerable<string> files, Func<string, string?> environment, bool keepReferences = false, bool kafkaConnect = false)
        {
            var read = new List<ConnectorFile>();
            int unreadable = 0;
            foreach (string path in files)
            {
                try
                {
                    read.Add(ConnectorFileReader.Read(path));
                }
                catch (ConnectorFileException ex)
                {
                    unreadable++;
                    cmdlet.WriteError(new ErrorRecord(ex, ex.ErrorId, ErrorCategory.InvalidData, path));
                }
            }

            var refused = new HashSet<string>(StringComparer.Ordinal);
            foreach (IGrouping<string, ConnectorFile> twice in read.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                refused.Add(twice.Key);
                cmdlet.WriteError(new ErrorRecord(
                    new ArgumentException($"Connector '{twice.Key}' is described by {twice.Count()} files ({string.Join(", ", twice.Select(f => f.Path))}), so none of them was used. Keep one file per connector."),
                    "DuplicateConnectorName",
                    ErrorCategory.InvalidData,
                    twice.Key));
            }

            var connectors = new List<DesiredConnector>();
            foreach (ConnectorFile file in read.Where(f => !refused.Contains(f.Name)))
            {
                DesiredConnector? desired = Prepare(cmdlet, file, environment, keepReferences, kafkaConnect);
                if (desired == null)
                {
                    refused.Add(file.Name);
                }
                else
                {
                    connectors.Add(desired);
                }
            }

            return new DesiredConnectors(connectors, refused, unreadable);
        }

        /// <summary>Resolves and validates one file; writes why and returns null when its connector must not be sent.</summary>
        private static DesiredConnector? Prepare(UpstashKafkaCmdlet cmdlet, ConnectorFile file, Func<string, string?> environment, bool keepReferences, bool kafkaConnect)
        {
            ResolvedConnectorConfig config;
            try
            {
                config = keepReferences
                    ? new ResolvedConnectorConfig(file.ConfigInOrder.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal))
                    : EnvReferences.Resolve(file, environment);
                if (keepReferences)
                {
                    // The worker resolves the references, not this machine: a variable unset here is no problem.
                    Func<string, string?> local = environment;
                    environment = name => local(name) ?? EnvReferences.For(name);
                }
            }
            catch (ConnectorFileException ex)
            {
                cmdlet.WriteError(new ErrorRecord(ex, ex.ErrorId, ErrorCategory.ObjectNotFound, file.Path));
                return null;
            }

            IReadOnlyList<ConnectorConfigProblem> problems = ConnectorConfigValidator.Validate(file.Name, file.Config, environment);
            if (kafkaConnect)
            {
                problems = ConnectorConfigValidator.ForKafkaConnect(problems).ToList();
            }
            foreach (ConnectorConfigProblem warning in problems.Where(p => p.Severity == ConnectorConfigSeverity.Warning))
            {
                cmdlet.WriteWarningWithoutPrompts($"Connector {file}: {warning.Message}");
            }

            ConnectorConfigProblem[] errors = problems.Where(p => p.Severity == ConnectorConfigSeverity.Error).ToArray();
            if (errors.Length > 0)
            {
                cmdlet.WriteError(new ErrorRecord(
                    new ArgumentException($"Connector {file} is not valid, so nothing of it was sent: {string.Join(" ", errors.Select(e => e.Message))} Check it with Test-UpstashKafkaConnectorConfig."),
                    "InvalidConnectorConfig",
                    ErrorCategory.InvalidData,
                    file.Path));
                return null;
            }

            return new DesiredConnector(file, config);
        }
    }
}
