using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Export-UpstashKafkaConnector: writes connectors to a folder, one file each, in Kafka Connect's own formats
    /// (the POST /connectors JSON body, or connect-standalone .properties), so the folder can be kept in git, synced
    /// back with Sync-UpstashKafkaConnector, or posted to a self-hosted Kafka Connect as it is. Secret values are
    /// written as ${env:UPSTASH_CONNECTOR_KEY} references (clear only with -IncludeSecret); a masked value never is.
    /// </summary>
    [Cmdlet(VerbsData.Export, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportUpstashKafkaConnectorCommand : UpstashKafkaCmdlet
    {
        private const string ByObjectSet = "ByObject";
        private const string ByClusterSet = "ByCluster";

        private static readonly string[] VariableMessageTags = { "PSHOST", "SecretVariable" };

        // Windows and macOS file systems ignore case, so "Orders" and "orders" would be one file there.
        private readonly HashSet<string> fileNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // Environment variable names are case-insensitive on Windows.
        private readonly HashSet<string> variables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private string folder = string.Empty;

        /// <summary>The folder to write to; created when missing.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Connectors from Get-UpstashKafkaConnector.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObjectSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public KafkaConnector[] InputObject { get; set; } = Array.Empty<KafkaConnector>();

        /// <summary>Exports the connectors of this cluster.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByClusterSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string ClusterId { get; set; } = string.Empty;

        /// <summary>Only the connectors with these names (wildcards allowed).</summary>
        [Parameter(ParameterSetName = ByClusterSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectorNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Json (Kafka Connect's POST /connectors body, the default) or Properties (connect-standalone).</summary>
        [Parameter]
        public ConnectorFileFormat Format { get; set; } = ConnectorFileFormat.Json;

        /// <summary>Writes secret values in clear instead of ${env:...} references.</summary>
        [Parameter]
        public SwitchParameter IncludeSecret { get; set; }

        /// <summary>Refuses to overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Connectors from Kafka Connect export as they are: Kafka Connect's POST body is the file format.</summary>
        internal override bool ServesKafkaConnect => true;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out ProviderInfo provider, out _);
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
            {
                // Otherwise env:/x or HKLM:\x would be taken as a relative folder name and written somewhere unexpected.
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"-Path must be a folder in the file system; '{Path}' is on the {provider.Name} drive."),
                    "ExportPathNotFileSystem",
                    ErrorCategory.InvalidArgument,
                    Path));
            }

            if (IncludeSecret)
            {
                this.WriteWarningWithoutPrompts("-IncludeSecret writes secret values in clear into the files. Keep them out of version control and delete them when done; without -IncludeSecret they hold ${env:...} references instead.");
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByClusterSet)
            {
                List<KafkaConnector> listed;
                try
                {
                    listed = RunApi((api, pump, token) => ListAsync(api, token));
                }
                catch (UpstashApiException ex)
                {
                    WriteApiError(ex, "ListConnectors", ClusterId);
                    return;
                }

                // The same rule as every Get-: an exact name that matches nothing is an error, a wildcard is not.
                var patterns = (Name ?? Array.Empty<string>()).Select(n => new NamePattern(n)).ToList();
                foreach (KafkaConnector connector in listed.Where(c => NamePattern.MatchesAny(patterns, c.Name)))
                {
                    Export(connector);
                }

                WriteNamesNotFound(patterns, "connector", "in cluster " + ClusterId, "ConnectorNameNotFound");
                return;
            }

            foreach (KafkaConnector connector in InputObject.Where(c => c != null))
            {
                // Read again, when needed, from the server it came from (Upstash or Kafka Connect).
                ItemConnection = connector.Connection?.Api;
                try
                {
                    KafkaConnector? complete = WithWantedValues(connector);
                    if (complete != null)
                    {
                        Export(complete);
                    }
                }
                finally
                {
                    ItemConnection = null;
                }
            }
        }

        private async Task<List<KafkaConnector>> ListAsync(UpstashApiClient api, System.Threading.CancellationToken token)
        {
            var listed = new List<KafkaConnector>();
            await ConnectorServers.For(api).ListAsync(ClusterId.Trim(), IncludeSecret, listed.Add, onClusterFailed: null, token).ConfigureAwait(false);
            return listed;
        }

        /// <summary>A piped connector as it must be written: read again when its properties are missing or, with -IncludeSecret, masked.</summary>
        private KafkaConnector? WithWantedValues(KafkaConnector connector)
        {
            bool masked = connector.SecretsMasked || connector.Properties.Values.Any(v => v == SecretPropertyRules.Mask);
            if (connector.Properties.Count > 0 && !(IncludeSecret && masked))
            {
                return connector;
            }

            try
            {
                return RunApi((api, pump, token) => ConnectorServers.For(api).GetAsync(connector.ConnectorId, IncludeSecret, token));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "GetConnector", connector);
                return null;
            }
        }

        private void Export(KafkaConnector connector)
        {
            string fileName = ConnectorFileNames.For(connector.Name, Format);
            string path = System.IO.Path.Combine(folder, fileName);
            if (!fileNames.Add(fileName))
            {
                WriteError(new ErrorRecord(
                    new IOException($"Connector '{connector.Name}' was not exported: its file name '{fileName}' is taken by another connector of this export (names that differ only in case or in characters a file name cannot hold). Export it on its own to another folder."),
                    "ConnectorFileNameCollision",
                    ErrorCategory.ResourceExists,
                    connector));
                return;
            }

            var secretVariables = new List<string>();
            var config = new List<KeyValuePair<string, string>>();
            foreach (KeyValuePair<string, string> pair in connector.Properties)
            {
                bool masked = pair.Value.Trim() == SecretPropertyRules.Mask;
                bool secret = masked || SecretPropertyRules.IsSecret(pair.Key, pair.Value);
                if (secret && (!IncludeSecret || masked))
                {
                    // A masked value is never written: the reference stands in for the secret it hid.
                    string variable = UniqueVariable(EnvReferences.VariableName(connector.Name, pair.Key));
                    secretVariables.Add(variable);
                    config.Add(new KeyValuePair<string, string>(pair.Key, EnvReferences.For(variable)));
                }
                else
                {
                    config.Add(pair);
                }
            }

            ConnectorInitialState? state = ConnectorHealth.IsPaused(connector) ? ConnectorInitialState.Paused
                : string.Equals(connector.ConnectorState, "STOPPED", StringComparison.OrdinalIgnoreCase) ? ConnectorInitialState.Stopped
                : (ConnectorInitialState?)null;
            string text = ConnectorFileWriter.Text(Format, connector.Name, config, state);
            if (!ShouldProcess(path, $"Export Kafka connector '{connector.Name}'"))
            {
                return;
            }

            if (!Save(connector, path, text))
            {
                return;
            }

            var file = PSObject.AsPSObject(new FileInfo(path));
            file.Properties.Add(new PSNoteProperty("ConnectorName", connector.Name));
            file.Properties.Add(new PSNoteProperty("SecretVariable", secretVariables.ToArray()));
            WriteObject(file);
            if (secretVariables.Count > 0)
            {
                // Shown like Write-Host (and kept in the information stream): the user must set these before a sync.
                WriteInformation(
                    new HostInformationMessage { Message = $"{fileName}: set {string.Join(", ", secretVariables)} before syncing it." },
                    VariableMessageTags);
            }
        }

        private bool Save(KafkaConnector connector, string path, string text)
        {
            try
            {
                Directory.CreateDirectory(folder);
                ConnectorFileWriter.Save(path, text, NoClobber);
                return true;
            }
            catch (IOException ex) when (NoClobber && File.Exists(path))
            {
                WriteError(new ErrorRecord(
                    new IOException($"Connector '{connector.Name}' was not exported: '{path}' exists and -NoClobber was given.", ex),
                    "ConnectorFileExists",
                    ErrorCategory.ResourceExists,
                    path));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(
                    new IOException($"Connector '{connector.Name}' was not exported: '{path}' cannot be written: {ex.Message}", ex),
                    "ConnectorFileNotWritten",
                    ErrorCategory.WriteError,
                    path));
            }

            return false;
        }

        /// <summary>*(decision)* Two secrets that map to one name (orders-db and orders_db) get _2, _3... in export order.</summary>
        private string UniqueVariable(string name)
        {
            string unique = name;
            for (int n = 2; !variables.Add(unique); n++)
            {
                unique = name + "_" + n;
            }

            return unique;
        }
    }
}
