using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// What every cmdlet that calls a server shares: -Connection and -Credential, finding the connection for each
    /// input, running async work on the pipeline thread with Ctrl+C wired to a cancellation token, and turning API
    /// failures into error records.
    /// </summary>
    public abstract partial class UpstashKafkaCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly List<string> knownSecretValues = new List<string>();
        private readonly HashSet<string> knownSecretKeys = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>User name = the Upstash account email, password = the API key.</summary>
        [Parameter]
        // No [Credential] attribute: it turns $null or a plain string into an interactive credential prompt, and a
        // prompt hangs a runbook. A wrong type fails at binding instead, and so does $null (an unset variable must
        // not quietly fall back to the session's credential).
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>How many times a call that failed for a passing reason (429, 502-504, a broken connection, a timeout) is repeated; default 4.</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int? MaxRetry { get; set; }

        /// <summary>How long one call may take with all its retries and waits, in seconds; default 60.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int? MaxRetryDurationSec { get; set; }

        internal CancellationToken StopToken => stopping.Token;

        protected override void BeginProcessing()
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Connection)))
            {
                commandLineConnection = Connection?.Api;
                if (commandLineConnection == null)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException("-Connection takes the object that Connect-UpstashKafka -PassThru returns (or a connector's Connection); it got $null or another kind of value."),
                        "InvalidConnection",
                        ErrorCategory.InvalidArgument,
                        null));
                }
            }
            else if (Credential != null)
            {
                if (RunspaceConnections.Get(Runspace.DefaultRunspace)?.Kind == ServerKind.KafkaConnect)
                {
                    // -Credential is the Upstash account. With a Kafka Connect default, a user who meant Kafka
                    // Connect's Basic auth would otherwise send that password to the Upstash API.
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException("-Credential is an Upstash account (email and API key), but this session's default is Kafka Connect. For Kafka Connect's Basic auth, give the credential to Connect-UpstashKafka -KafkaConnectUri ... -Credential and use that connection; for Upstash, pass -Connection with an Upstash connection."),
                        "CredentialIsForUpstash",
                        ErrorCategory.InvalidArgument,
                        null));
                }

                credentialConnection = DefaultConnection();
            }

            sendsSynchronously = SendsOnPipelineThread && SharedHttpClient.CanSendSynchronously;
            if (commandLineConnection != null || credentialConnection != null || !MyInvocation.ExpectingInput)
            {
                // Known before any input: fail (no credential, a Kafka Connect connection to an Upstash-only cmdlet)
                // and say where calls go before anything else, as before connections came from piped objects.
                _ = CurrentConnection;
            }
        }

        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>Every verbose line of the module's cmdlets goes through here; see <see cref="DebugWithoutPrompts"/>.</summary>
        public new void WriteVerbose(string text) => this.WriteVerboseOrDebug(text);

        /// <summary>Runs API work; messages and posted objects reach the pipeline as they happen.</summary>
        internal T RunApi<T>(Func<UpstashApiClient, PipelineThreadPump, CancellationToken, Task<T>> work) => RunApi(CurrentConnection, work);

        /// <summary>Runs API work with a client of <paramref name="connection"/> (checked with <see cref="CheckedConnection"/>).</summary>
        internal T RunApi<T>(ApiConnection connection, Func<UpstashApiClient, PipelineThreadPump, CancellationToken, Task<T>> work)
        {
            // The work also stops when the pipeline stops wanting its output without a Ctrl+C: a downstream
            // Select-Object -First 1, or -ErrorAction Stop on an error written while a list is still streaming, ends
            // this call by an exception from a Write*, and PowerShell does not call StopProcessing for that. Not
            // disposed: the work may still be unwinding on a pool thread when this returns.
            var workEnds = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
            using (var pump = new PipelineThreadPump(this))
            {
                UpstashApiClient api = Client(connection, pump);
                api.SendsSynchronously = sendsSynchronously;
                try
                {
                    return pump.Run((p, token) => work(api, p, token), workEnds.Token);
                }
                catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
                {
                    // Ctrl+C: end the pipeline the way PowerShell expects, without an error of our own.
                    throw new PipelineStoppedException();
                }
                finally
                {
                    workEnds.Cancel();
                }
            }
        }

        /// <summary>
        /// Whether this cmdlet's API calls may block the pipeline thread while they wait for their reply: true for every
        /// cmdlet that makes one call after another; false for one that keeps several in flight from this thread.
        /// </summary>
        internal virtual bool SendsOnPipelineThread => true;

        /// <summary>Decided once per command in BeginProcessing, where -Verbose also says which way it sends.</summary>
        private bool sendsSynchronously;

        /// <summary>
        /// Remembers secrets this call knows that the masking rules cannot see, e.g. a SecureString value under a key
        /// with a plain name: every later request of this cmdlet redacts the values, and <see cref="HideKnownSecrets"/>
        /// masks the keys in connectors read back (-Wait reads the connector the cmdlet just created).
        /// </summary>
        internal void RememberSecrets(IEnumerable<string> keys, IEnumerable<string> values)
        {
            knownSecretKeys.UnionWith(keys);
            knownSecretValues.AddRange(values);
        }

        internal KafkaConnector HideKnownSecrets(KafkaConnector connector)
        {
            if (knownSecretValues.Count == 0 && knownSecretKeys.Count == 0)
            {
                return connector;
            }

            var redactor = new SecretRedactor().AddRange(knownSecretValues);
            foreach (string key in knownSecretKeys.Where(connector.Properties.ContainsKey).ToList())
            {
                connector.Properties[key] = SecretPropertyRules.Mask;
            }

            return EchoedSecrets.HideIn(connector, redactor);
        }

        /// <summary>Writes a non-terminating error for one failed item; -ErrorAction Stop makes it terminating.</summary>
        internal void WriteApiError(UpstashApiException ex, string operation, object? target) =>
            WriteError(ApiErrorRecord(ex, operation, target));

        /// <summary>The record for an API failure; a Java stack trace the server sent goes to the details, not the message.</summary>
        internal static ErrorRecord ApiErrorRecord(UpstashApiException ex, string operation, object? target) =>
            new ErrorRecord(ex, operation + ex.Reason, ex.Failure.ToCategory(), target)
            {
                ErrorDetails = ex.Details == null ? null : new ErrorDetails(ex.Message + Environment.NewLine + Environment.NewLine + ex.Details),
            };

        /// <summary>An ObjectNotFound error for each exact -Name that matched nothing (wildcards that matched nothing are silent).</summary>
        internal void WriteNamesNotFound(IEnumerable<NamePattern> patterns, string kind, string where, string errorId)
        {
            foreach (NamePattern missing in patterns.Where(p => !p.HasWildcards && !p.Matched))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"No {kind} named '{missing.Text}' was found {where}."),
                    errorId,
                    ErrorCategory.ObjectNotFound,
                    missing.Text));
            }
        }

        /// <summary>
        /// For destructive cmdlets: -Force skips the question that ConfirmImpact High asks, but never turns -WhatIf
        /// (or an explicit -Confirm) into an action: only then is ShouldProcess bypassed.
        /// </summary>
        internal bool ForceSkipsConfirmation(bool force) =>
            force && !WhatIfRequested() && !MyInvocation.BoundParameters.ContainsKey("Confirm");

        internal bool WhatIfRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? whatIf))
            {
                return LanguagePrimitives.IsTrue(whatIf);
            }

            return LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference", false));
        }

        internal void WriteInputError(string message, string errorId, object? target) =>
            WriteError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));

        /// <summary>"Upstash.Kafka/0.1.0 PowerShell/7.6.9 (Core)": tells the server which client and shell sent a call.</summary>
        internal string UserAgent()
        {
            // Built once per process: the shell's version and edition cannot change under a loaded module, and reading
            // $PSVersionTable through the session state and formatting it was work repeated on every record.
            string? known = Volatile.Read(ref userAgent);
            if (known != null)
            {
                return known;
            }

            string shell = "unknown";
            if (SessionState.PSVariable.GetValue("PSVersionTable") is Hashtable table)
            {
                shell = $"{table["PSVersion"]} ({table["PSEdition"] ?? "Desktop"})";
            }

            known = $"Upstash.Kafka/{ModuleVersion} PowerShell/{shell}";
            Volatile.Write(ref userAgent, known);
            return known;
        }

        private static string? userAgent;

        // Read once: Assembly.GetName() parses the assembly's metadata on every call, and this ran on every request.
        private static readonly string ModuleVersion = typeof(UpstashKafkaCmdlet).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        // A new client per call is cheap: it only binds the connection, the log and a redactor to the shared HttpClient.
        /// <summary>
        /// A client for a connection other than the current one, for work that talks to two servers at once (Copy:
        /// the source and the destination). Check the connection with <see cref="CheckedConnection"/> on the pipeline thread first.
        /// </summary>
        internal UpstashApiClient Client(ApiConnection connection, IApiLog log) =>
            new UpstashApiClient(connection, log, new SecretRedactor().AddRange(knownSecretValues), UserAgent(), Retry(connection));

        /// <summary>This call's retry budget: the cmdlet's parameters, else the session's from Connect-UpstashKafka, else the default.</summary>
        private RetryPolicy Retry(ApiConnection connection) => MaxRetry == null && MaxRetryDurationSec == null
            ? connection.Retry
            : new RetryPolicy(
                MaxRetry ?? connection.Retry.MaxRetries,
                MaxRetryDurationSec is int seconds ? TimeSpan.FromSeconds(seconds) : connection.Retry.MaxDuration);

        public void Dispose()
        {
            stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
