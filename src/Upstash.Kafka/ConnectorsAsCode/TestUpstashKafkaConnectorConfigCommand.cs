using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Test-UpstashKafkaConnectorConfig: validates connector configurations offline, from files or a hashtable, like
    /// Kafka Connect's config/validate without a server, with the same validator and file reader Sync uses. Given a
    /// Kafka Connect connection it also asks that server (PUT /connector-plugins/{class}/config/validate) and adds
    /// each error it names to the same result. A problem is data (a result's Problems), not an error record; errors
    /// are for paths that name nothing to test and for a server that could not answer.
    /// </summary>
    /// <remarks>
    /// *(decision)* The server is asked when -Connection names a Kafka Connect server, or when no -Connection or
    /// -Credential is given and the session's default (Connect-UpstashKafka, else KAFKA_CONNECT_URL) is Kafka Connect:
    /// making Kafka Connect the default is how a user says where connectors go. Upstash has no validation call, so an
    /// Upstash connection (given, by -Credential or by default) tests offline, sends nothing, and with no connection
    /// at all nothing is required: no NoCredential error, as before the cmdlet took connections.
    /// </remarks>
    [Cmdlet(VerbsDiagnostic.Test, "UpstashKafkaConnectorConfig", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ConnectorConfigTestResult), typeof(bool))]
    public sealed class TestUpstashKafkaConnectorConfigCommand : UpstashKafkaCmdlet
    {
        private const string PathSet = "Path";
        private const string PropertySet = "Property";
        private const string Operation = "ValidateConnectorConfig";

        /// <summary>The Kafka Connect server to ask, decided in BeginProcessing; null: offline checks only.</summary>
        private ApiConnection? destination;

        /// <summary>The connector classes the destination has, read once, at the first class it does not have.</summary>
        private IReadOnlyList<string>? installedConnectors;

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

        /// <summary>
        /// A Kafka Connect server to validate against as well. Typed only, never bound from piped objects:
        /// *(decision)* a connector piped from Get-UpstashKafkaConnector is tested where the caller says (the
        /// migration reads on Upstash and tests against the destination), not where it was read.
        /// </summary>
        [Parameter]
        [ConnectionTransformation]
        public override UpstashKafkaConnection? Connection { get; set; }

        internal override bool ServesKafkaConnect => true;

        protected override void BeginProcessing()
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Connection)))
            {
                if (Connection?.Api is ApiConnection given && given.Kind != ServerKind.KafkaConnect)
                {
                    WriteVerbose($"{given.Describe()} has no validation call: the configurations are checked offline only, and nothing is sent.");
                    return;
                }

                base.BeginProcessing(); // Refuses $null (InvalidConnection) and says where calls go.
                destination = CurrentConnection;
            }
            else if (!MyInvocation.BoundParameters.ContainsKey(nameof(Credential)) && SessionDefaultIsKafkaConnect())
            {
                base.BeginProcessing();
                destination = CurrentConnection;
            }
        }

        /// <summary>
        /// Whether the session's default is Kafka Connect, found without the NoCredential error that resolving it the
        /// usual way ends a pipeline with: having no default is fine for offline checks.
        /// </summary>
        private bool SessionDefaultIsKafkaConnect()
        {
            try
            {
                return ConnectionResolver.Resolve(null, Runspace.DefaultRunspace)?.Kind == ServerKind.KafkaConnect;
            }
            catch (ArgumentException ex)
            {
                // An unusable address in the environment. KAFKA_CONNECT_URL is read first, so a set one is the culprit
                // and the user meant a server to be asked; UPSTASH_API_URL would only have meant Upstash (offline anyway).
                string text = $"The configurations are checked offline only: {ex.Message}";
                if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionResolver.KafkaConnectUrlVariable)))
                {
                    this.WriteWarningWithoutPrompts(text);
                }
                else
                {
                    WriteVerbose(text);
                }

                return false;
            }
        }

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

        /// <summary>The offline checks; against a Kafka Connect destination, without the warnings that only concern Upstash.</summary>
        private IEnumerable<ConnectorConfigProblem> Offline(string? name, IReadOnlyDictionary<string, string> config)
        {
            IReadOnlyList<ConnectorConfigProblem> problems = ConnectorConfigValidator.Validate(name, config);
            return destination == null ? problems : ConnectorConfigValidator.ForKafkaConnect(problems);
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
            var problems = new List<ConnectorConfigProblem>(Offline(Name, values.Values));
            problems.AddRange(AskServer(name.Length > 0 ? $"'{name}'" : "(unnamed, from -Property)", Name, values.Values, values.GivenAsSecret, name));
            Report(new ConnectorConfigTestResult(name, null, problems));
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

                var problems = new List<ConnectorConfigProblem>(Offline(file.Connector.Name, file.Connector.Config));
                string[] others = byName[file.Connector.Name].Where(o => o != file).Select(o => o.Path).ToArray();
                if (others.Length > 0)
                {
                    problems.Add(ConnectorConfigProblem.Error(
                        ConnectorFileReader.NameKey,
                        $"Connector '{file.Connector.Name}' is also described by {string.Join(", ", others)}. Keep one file per connector: Sync-UpstashKafkaConnector uses none of them."));
                }

                problems.AddRange(AskServer(file.Connector.ToString(), file.Connector.Name, file.Connector.ConfigInOrder, Array.Empty<string>(), file.Path));
                Report(new ConnectorConfigTestResult(file.Connector.Name, file.Path, problems));
            }
        }

        /// <summary>
        /// The destination's errors for one configuration, beside the offline ones; none when there is no destination
        /// or the configuration names no usable class (an offline error already). A class the destination does not
        /// have is an error record and a problem on connector.class; any other failure is an error record, and one
        /// that is not about this configuration stops the asking for the rest of the call.
        /// </summary>
        private IReadOnlyList<ConnectorConfigProblem> AskServer(
            string label, string? name, IEnumerable<KeyValuePair<string, string>> config, IEnumerable<string> givenAsSecret, object target)
        {
            ApiConnection? server = destination;
            if (server == null)
            {
                return Array.Empty<ConnectorConfigProblem>();
            }

            KafkaConnectValidationRequest? request = KafkaConnectValidationRequest.Prepare(name, config, givenAsSecret, Environment.GetEnvironmentVariable);
            if (request == null)
            {
                WriteVerbose($"Connector {label} was not sent to {server.Describe()}: its connector.class cannot be used (see its problems).");
                return Array.Empty<ConnectorConfigProblem>();
            }

            // Every later request and error of this call redacts them (Kafka Connect quotes values back).
            RememberSecrets(request.Hidden, request.SecretValues);
            try
            {
                KafkaConnectValidationOutcome outcome = RunApi(server, (api, pump, token) => KafkaConnectValidation.ValidateAsync(api, request, label, token));
                if (!outcome.NotInstalled)
                {
                    return outcome.Problems;
                }

                installedConnectors ??= RunApi(server, (api, pump, token) => KafkaConnectValidation.ConnectorClassesAsync(api, outcome.NotInstalledMessage!, token));
                string message = KafkaConnectValidation.NotInstalledMessage(server, request.ConnectorClass, installedConnectors);

                // (decision) ObjectNotFound, not InvalidArgument: the configuration may be right, and the class exists
                // somewhere; what is missing is the plugin on this server, the way GET /connector-plugins/{p}/config
                // answers 404 for it. Scripts can tell "install the plugin" from "fix the file".
                WriteError(new ErrorRecord(new ItemNotFoundException($"Connector {label}: {message}"), "ConnectorClassNotInstalled", ErrorCategory.ObjectNotFound, target));
                return new[] { ConnectorConfigProblem.Error(Validation.ConfigUnderTest.ConnectorClassKey, message) };
            }
            catch (UpstashApiException ex)
            {
                allValid = false; // Not asked is not a pass.
                WriteApiError(ex, Operation, target);
                if (!IsAboutThisConfiguration(ex))
                {
                    destination = null;
                    this.WriteWarningWithoutPrompts($"{server.Describe()} could not be asked ({ex.Reason}): the connectors after {label} are checked offline only.");
                }

                return Array.Empty<ConnectorConfigProblem>();
            }
        }

        /// <summary>A 400 or 500 answers this configuration; a refused connection, a timeout, 401, 403 or 404 would answer every one the same.</summary>
        private static bool IsAboutThisConfiguration(UpstashApiException ex) =>
            ex.Failure == ApiFailure.BadRequest || (ex.Failure == ApiFailure.ServerError && ex.StatusCode == 500);

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
