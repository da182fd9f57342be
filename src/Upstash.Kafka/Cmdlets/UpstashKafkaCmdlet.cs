using System;
using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// What every cmdlet that calls the API shares: -Credential, finding the connection, running async work on the
    /// pipeline thread with Ctrl+C wired to a cancellation token, and turning API failures into error records.
    /// </summary>
    public abstract class UpstashKafkaCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();

        /// <summary>User name = the Upstash account email, password = the API key.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        internal CancellationToken StopToken => stopping.Token;

        /// <summary>The connection for this call; resolving it ends the pipeline when there is no credential at all.</summary>
        internal ApiConnection Connection { get; private set; } = null!;

        protected override void BeginProcessing()
        {
            try
            {
                Connection = ConnectionResolver.Resolve(Credential, Runspace.DefaultRunspace)
                    ?? throw new PSInvalidOperationException(ConnectionResolver.NoCredentialMessage);
            }
            catch (PSInvalidOperationException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "NoCredential", ErrorCategory.AuthenticationError, null));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidApiAddress", ErrorCategory.InvalidArgument, Environment.GetEnvironmentVariable(ApiAddress.EnvironmentVariable)));
            }

            WriteVerbose($"Calling the Upstash API at {Connection.BaseUri} as {Connection.Email} (credential from {Connection.Source}).");
        }

        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>Runs API work; messages and posted objects reach the pipeline as they happen.</summary>
        internal T RunApi<T>(Func<UpstashApiClient, PipelineThreadPump, CancellationToken, Task<T>> work)
        {
            using (var pump = new PipelineThreadPump(this))
            {
                UpstashApiClient api = Client(pump);
                try
                {
                    return pump.Run((p, token) => work(api, p, token), StopToken);
                }
                catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
                {
                    // Ctrl+C: end the pipeline the way PowerShell expects, without an error of our own.
                    throw new PipelineStoppedException();
                }
            }
        }

        /// <summary>Writes a non-terminating error for one failed item; -ErrorAction Stop makes it terminating.</summary>
        internal void WriteApiError(UpstashApiException ex, string operation, object? target) =>
            WriteError(new ErrorRecord(ex, operation + ex.Reason, ex.Failure.ToCategory(), target));

        internal void WriteInputError(string message, string errorId, object? target) =>
            WriteError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));

        /// <summary>"Upstash.Kafka/0.1.0 PowerShell/7.6.9 (Core)": tells the server which client and shell sent a call.</summary>
        internal string UserAgent()
        {
            string shell = "unknown";
            if (SessionState.PSVariable.GetValue("PSVersionTable") is Hashtable table)
            {
                shell = $"{table["PSVersion"]} ({table["PSEdition"] ?? "Desktop"})";
            }

            return $"Upstash.Kafka/{ModuleVersion} PowerShell/{shell}";
        }

        // Read once: Assembly.GetName() parses the assembly's metadata on every call, and this ran on every request.
        private static readonly string ModuleVersion = typeof(UpstashKafkaCmdlet).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        // A new client per call is cheap: it only binds the connection, the log and a redactor to the shared HttpClient.
        private UpstashApiClient Client(IApiLog log) => new UpstashApiClient(Connection, log, new SecretRedactor(), UserAgent());

        public void Dispose()
        {
            stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
