using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Connect-UpstashKafka: makes an Upstash account (email and API key) or a Kafka Connect cluster (its REST address,
    /// with no auth, Basic auth or a bearer token) the server this runspace's cmdlets call when they get no
    /// -Connection. Kept in memory for this runspace only; nothing is sent and nothing is written to disk.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "UpstashKafka", DefaultParameterSetName = UpstashSet)]
    [OutputType(typeof(UpstashKafkaConnection))]
    public sealed class ConnectUpstashKafkaCommand : PSCmdlet
    {
        private const string UpstashSet = "Upstash";
        private const string KafkaConnectSet = "KafkaConnect";

        /// <summary>Upstash: user name = account email, password = API key. Kafka Connect: a Basic-auth user and password.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = UpstashSet)]
        [Parameter(ParameterSetName = KafkaConnectSet)]
        // No [Credential] attribute: it turns $null or a plain string into an interactive credential prompt, and a
        // prompt hangs a runbook. A wrong type fails at binding instead.
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        [Parameter(Position = 1, ParameterSetName = UpstashSet)]
        [ValidateNotNull]
        public Uri? ApiUri { get; set; }

        /// <summary>The REST address of a Kafka Connect cluster (any worker), path prefix included, e.g. http://connect:8083.</summary>
        [Parameter(Mandatory = true, ParameterSetName = KafkaConnectSet)]
        [ValidateNotNull]
        public Uri? KafkaConnectUri { get; set; }

        /// <summary>A token sent as "Authorization: Bearer ..." (Confluent RBAC, a gateway or token proxy in front of Kafka Connect).</summary>
        [Parameter(ParameterSetName = KafkaConnectSet)]
        [ValidateNotNull]
        public SecureString? BearerToken { get; set; }

        /// <summary>A client certificate (with its private key) for a Kafka Connect listener that requires mutual TLS.</summary>
        [Parameter(ParameterSetName = KafkaConnectSet)]
        [ValidateNotNull]
        public X509Certificate2? Certificate { get; set; }

        /// <summary>Accepts any server certificate: for a lab's self-signed Kafka Connect listener only.</summary>
        [Parameter(ParameterSetName = KafkaConnectSet)]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>Allows a password or token over plain http to another machine (a trusted network).</summary>
        [Parameter(ParameterSetName = KafkaConnectSet)]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>How long one request may take before it fails with OperationTimeout; default 30 (Upstash) or 120 (Kafka Connect).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int? TimeoutSec { get; set; }

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

        /// <summary>
        /// Leaves the session's default as it is: with -PassThru, a connection for -Connection only, e.g. the Kafka
        /// Connect cluster of a migration beside the Upstash default (PowerCLI's Connect-VIServer -NotDefault).
        /// </summary>
        [Parameter]
        public SwitchParameter NotDefault { get; set; }

        protected override void EndProcessing()
        {
            ApiConnection connection = ParameterSetName == KafkaConnectSet ? KafkaConnect() : Upstash();
            connection.Source = "Connect-UpstashKafka";
            connection.Retry = new RetryPolicy(MaxRetry, TimeSpan.FromSeconds(MaxRetryDurationSec));
            if (NotDefault)
            {
                this.WriteVerboseOrDebug($"A connection to {connection.Describe()} for -Connection; this session's default is unchanged.");
                if (!PassThru)
                {
                    this.WriteWarningWithoutPrompts("-NotDefault without -PassThru keeps the connection nowhere: add -PassThru and pass what it returns to -Connection.");
                }
            }
            else
            {
                RunspaceConnections.Set(Runspace.DefaultRunspace, connection);
            }

            this.WriteVerboseOrDebug((NotDefault ? "Calls given this connection go to " : "Upstash.Kafka cmdlets in this session will call ") + connection.Describe() +
                (connection.Email.Length > 0 ? $" as {connection.Email}." : connection.Authentication == "None" ? " (no authentication)." : $" ({connection.Authentication} authentication)."));
            if (PassThru)
            {
                WriteObject(connection.Public);
            }
        }

        private ApiConnection Upstash()
        {
            Uri baseUri = Address(() => ApiUri != null ? ApiAddress.Validate(ApiUri, "-ApiUri") : ConnectionResolver.AddressFromEnvironment(), ApiUri);
            if (string.IsNullOrWhiteSpace(Credential.UserName))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("The credential has no user name. Use the Upstash account email as the user name and the API key as the password."),
                    "MissingEmail",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            return new ApiConnection(Credential.UserName.Trim(), Credential.Password, baseUri, Timeout(ApiConnection.DefaultTimeout));
        }

        private ApiConnection KafkaConnect()
        {
            bool basic = Credential != PSCredential.Empty;
            if (basic && BearerToken != null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("Give -Credential (Basic auth) or -BearerToken, not both: a request carries one Authorization header."),
                    "ConflictingAuthentication",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            if (basic && string.IsNullOrWhiteSpace(Credential.UserName))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("The credential has no user name. Kafka Connect's Basic auth needs a user name and password."),
                    "MissingUserName",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            Uri baseUri = Address(
                () => ApiAddress.ValidateKafkaConnect(KafkaConnectUri!, "-KafkaConnectUri", basic || BearerToken != null, AllowUnencryptedAuthentication),
                KafkaConnectUri);
            ApiConnection connection = ApiConnection.KafkaConnect(
                baseUri, Timeout(ApiConnection.DefaultKafkaConnectTimeout), basic ? Credential.UserName.Trim() : null, basic ? Credential.Password : null, BearerToken);
            connection.SkipCertificateCheck = SkipCertificateCheck;
            connection.ClientCertificate = Certificate;
            return connection;
        }

        private TimeSpan Timeout(TimeSpan byDefault) => TimeoutSec is int seconds ? TimeSpan.FromSeconds(seconds) : byDefault;

        private Uri Address(Func<Uri> validate, Uri? given)
        {
            try
            {
                return validate();
            }
            catch (ArgumentException ex)
            {
                // The target is the address as messages show it: what was given may carry a password.
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidApiAddress", ErrorCategory.InvalidArgument, ApiAddress.Shown(given)));
                throw;
            }
        }
    }
}
