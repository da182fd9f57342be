using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>Which server each input goes to: -Connection, -Credential, the input's own connection, or the session's default.</summary>
    public abstract partial class UpstashKafkaCmdlet
    {
        /// <summary>
        /// The server to call, from Connect-UpstashKafka -PassThru. Bound from a piped object's Connection property
        /// too, so a connector read from one server is acted on there; one typed on the command line wins over that.
        /// </summary>
        /// <remarks>
        /// Virtual so that a cmdlet taking objects by value in one parameter set and ids by property name in another
        /// (<see cref="ConnectorTargetCmdlet"/>) binds it from the pipeline in the second set only: bound by property
        /// name in every set, an Import-Csv or Import-Clixml row's Connection column stole the binding and the row
        /// reached -ConnectorId as one string.
        /// </remarks>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ConnectionTransformation]
        public virtual UpstashKafkaConnection? Connection { get; set; }

        /// <summary>
        /// The connection for the input at hand, in this order: -Connection typed on the command line, -Credential,
        /// the connection of the object being processed (piped, or given to -InputObject), then the session's default
        /// (Connect-UpstashKafka, then the environment). Resolving the default ends the pipeline when there is none.
        /// </summary>
        /// <remarks>*(decision)* -Credential is typed too, so it beats what a piped object carries.</remarks>
        internal ApiConnection CurrentConnection =>
            Checked(commandLineConnection ?? credentialConnection ?? ItemConnection ?? Connection?.Api ?? DefaultConnection());

        /// <summary>The connection of the object a cmdlet is working on, when it takes objects by value (-InputObject).</summary>
        internal ApiConnection? ItemConnection { get; set; }

        private ApiConnection? commandLineConnection;
        private ApiConnection? credentialConnection;
        private ApiConnection? sessionConnection;
        private readonly HashSet<ApiConnection> announced = new HashSet<ApiConnection>();

        /// <summary>
        /// Whether this cmdlet works against Kafka Connect. Only connector cmdlets do: Kafka Connect has no clusters,
        /// topics, credentials or statistics, so the others stop before sending anything.
        /// </summary>
        internal virtual bool ServesKafkaConnect => false;

        private ApiConnection DefaultConnection()
        {
            if (sessionConnection != null)
            {
                return sessionConnection;
            }

            try
            {
                sessionConnection = ConnectionResolver.Resolve(Credential, Runspace.DefaultRunspace)
                    ?? throw new PSInvalidOperationException(ConnectionResolver.NoCredentialMessage);
            }
            catch (PSInvalidOperationException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "NoCredential", ErrorCategory.AuthenticationError, null));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidApiAddress", ErrorCategory.InvalidArgument, null));
            }

            return sessionConnection!;
        }

        /// <summary>The checks and the verbose line made once per server a command calls; on the pipeline thread.</summary>
        internal ApiConnection CheckedConnection(ApiConnection connection) => Checked(connection);

        private ApiConnection Checked(ApiConnection connection)
        {
            if (announced.Add(connection))
            {
                if (connection.Kind == ServerKind.KafkaConnect && !ServesKafkaConnect)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new PSNotSupportedException($"{MyInvocation.MyCommand.Name} works only with Upstash, and its connection is {connection.Describe()}: Kafka Connect has connectors only, no clusters, topics, credentials or statistics. Nothing was sent. Give an Upstash connection with -Connection or -Credential."),
                        "KafkaConnectNotSupported",
                        ErrorCategory.InvalidOperation,
                        connection.Public));
                }

                string who = connection.Kind == ServerKind.Upstash ? " as " + connection.Email : (connection.Authentication == "None" ? " (no authentication)" : $" ({connection.Authentication} authentication)");
                WriteVerbose($"Calling {connection.Describe()}{who} (connection from {(connection == commandLineConnection ? "-Connection" : connection.Source.Length == 0 ? "the input object" : connection.Source)}; "
                    + (sendsSynchronously ? "each reply awaited on this thread)." : "replies awaited asynchronously)."));
            }

            return connection;
        }
    }
}
