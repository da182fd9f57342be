using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Test-UpstashKafkaConnectorConfig: validates connector configurations offline, from files or a hashtable, like
    /// Kafka Connect's config/validate without a server, with the same validator and file reader Sync uses. Sends
    /// nothing and needs no credential. A problem is data (a result's Problems), not an error record; errors are for
    /// paths that name nothing to test.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "UpstashKafkaConnectorConfig", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ConnectorConfigTestResult), typeof(bool))]
    public sealed class TestUpstashKafkaConnectorConfigCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string PropertySet = "Property";

        // (decision) -Quiet answers once for the whole call, like "if (Test-... -Path ./connectors -Quiet)" needs:
        // true only when every connector is valid and every path named something to test.
        private bool allValid = true;

        private readonly List<string> paths = new List<string>();

        /// <summary>Connector files (*.json, *.properties) or folders of them; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>One configuration as a hashtable; a connector from Get-UpstashKafkaConnector binds its Properties here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PropertySet, ValueFromPipelineByPropertyName = true)]
        [Alias("Properties")]
        [ValidateNotNull]
        public IDictionary? Property { get; set; }

        /// <summary>The connector's name, for the result and to compare with a "name" inside -Property.</summary>
        [Parameter(ParameterSetName = PropertySet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Writes one $true or $false for the whole call instead of the results.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == PropertySet)
            {
                TestProperty(Property!);
            }
            else
            {
                // Files are read once every path is known, as Sync reads them: a connector described by two files
                // is refused by Sync wherever the two paths came from, and so it is reported here.
                paths.AddRange(Path);
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == PathSet)
            {
                TestFiles();
            }

            if (Quiet)
            {
                WriteObject(allValid);
            }
        }

        private void TestProperty(IDictionary property)
        {
            ConnectorPropertyValues values;
            try
            {
                values = ConnectorPropertyValues.From(property);
            }
            catch (ArgumentException ex)
            {
                // A $null or nested value cannot be a Kafka Connect config at all: the connector is invalid.
                Report(new ConnectorConfigTestResult(Name ?? string.Empty, null, new[] { ConnectorConfigProblem.Error(string.Empty, ex.Message) }));
                return;
            }

            string name = Name ?? (values.Values.TryGetValue("name", out string? inConfig) ? inConfig : string.Empty);
            Report(new ConnectorConfigTestResult(name, null, ConnectorConfigValidator.Validate(Name, values.Values)));
        }

        private void TestFiles()
        {
            var files = new List<string>();
            foreach (string path in paths)
            {
                List<string> found = ConnectorFilePaths.Resolve(this, new[] { path });
                allValid &= found.Count > 0; // A path with nothing to test (written as an error or a warning) is not a pass.
                files.AddRange(found.Where(f => !files.Contains(f, StringComparer.Ordinal)));
            }

            var read = new List<ReadFile>();
            foreach (string file in files)
            {
                try
                {
                    read.Add(new ReadFile(file, ConnectorFileReader.Read(file), null));
                }
                catch (ConnectorFileException ex)
                {
                    read.Add(new ReadFile(file, null, ConnectorConfigProblem.Error(string.Empty, ex.Message)));
                }
            }

            ILookup<string, ReadFile> byName = read.Where(r => r.Connector != null).ToLookup(r => r.Connector!.Name, StringComparer.Ordinal);
            foreach (ReadFile file in read)
            {
                if (file.Connector == null)
                {
                    // (decision) A file that is not a connector at all is an invalid connector named after the file,
                    // so one broken file shows in the same list as the others instead of stopping the call.
                    Report(new ConnectorConfigTestResult(System.IO.Path.GetFileNameWithoutExtension(file.Path), file.Path, new[] { file.Unreadable! }));
                    continue;
                }

                var problems = new List<ConnectorConfigProblem>(ConnectorConfigValidator.Validate(file.Connector.Name, file.Connector.Config));
                string[] others = byName[file.Connector.Name].Where(o => o != file).Select(o => o.Path).ToArray();
                if (others.Length > 0)
                {
                    problems.Add(ConnectorConfigProblem.Error(
                        ConnectorFileReader.NameKey,
                        $"Connector '{file.Connector.Name}' is also described by {string.Join(", ", others)}. Keep one file per connector: Sync-UpstashKafkaConnector uses none of them."));
                }

                Report(new ConnectorConfigTestResult(file.Connector.Name, file.Path, problems));
            }
        }

        private void Report(ConnectorConfigTestResult result)
        {
            allValid &= result.IsValid;
            if (!Quiet)
            {
                WriteObject(result);
            }
        }

        /// <summary>One file as read: its connector, or why it is not one.</summary>
        private sealed class ReadFile
        {
            public ReadFile(string path, ConnectorFile? connector, ConnectorConfigProblem? unreadable)
            {
                Path = path;
                Connector = connector;
                Unreadable = unreadable;
            }

            public string Path { get; }

            public ConnectorFile? Connector { get; }

            public ConnectorConfigProblem? Unreadable { get; }
        }
    }
}
