using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Connect-UpstashKafka: sets the credential and API address that this runspace's Upstash.Kafka cmdlets use when
    /// they get no -Credential. Kept in memory for this runspace only; nothing is sent and nothing is written to disk.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "UpstashKafka")]
    [OutputType(typeof(UpstashKafkaConnection))]
    public sealed class ConnectUpstashKafkaCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        // No [Credential] attribute: it turns $null or a plain string into an interactive credential prompt, and a
        // prompt hangs a runbook. A wrong type fails at binding instead.
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        [Parameter(Position = 1)]
        [ValidateNotNull]
        public Uri? ApiUri { get; set; }

        /// <summary>How long one request may take before it fails with OperationTimeout.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = (int)ApiConnection.DefaultTimeout.TotalSeconds;

        /// <summary>Session default for how many times a call that failed for a passing reason is repeated.</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetry { get; set; } = RetryPolicy.DefaultMaxRetries;

        /// <summary>Session default for how long one call may take with all its retries, in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int MaxRetryDurationSec { get; set; } = (int)RetryPolicy.DefaultMaxDuration.TotalSeconds;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            Uri baseUri;
            try
            {
                baseUri = ApiUri != null ? ApiAddress.Validate(ApiUri, "-ApiUri") : ConnectionResolver.AddressFromEnvironment();
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidApiAddress", ErrorCategory.InvalidArgument, ApiUri));
                return;
            }

            if (string.IsNullOrWhiteSpace(Credential.UserName))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("The credential has no user name. Use the Upstash account email as the user name and the API key as the password."),
                    "MissingEmail",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            var connection = new ApiConnection(Credential.UserName.Trim(), Credential.Password, baseUri, TimeSpan.FromSeconds(TimeoutSec))
            {
                Source = "Connect-UpstashKafka",
                Retry = new RetryPolicy(MaxRetry, TimeSpan.FromSeconds(MaxRetryDurationSec)),
            };
            RunspaceConnections.Set(Runspace.DefaultRunspace, connection);
            this.WriteVerboseOrDebug($"Upstash.Kafka cmdlets in this session will call {baseUri} as {connection.Email}.");
            if (PassThru)
            {
                WriteObject(new UpstashKafkaConnection { Email = connection.Email, ApiUri = baseUri, Timeout = connection.Timeout });
            }
        }
    }
}
