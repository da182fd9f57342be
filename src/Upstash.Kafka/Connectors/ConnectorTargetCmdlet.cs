using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// The base of the cmdlets that act on existing connectors (Suspend, Resume, Stop, Restart, Remove, Wait): they
    /// take connector ids (names on Kafka Connect) or connector objects, as arguments or from the pipeline, and handle
    /// each one on its own, on the server it came from, so one failure never stops the rest.
    /// </summary>
    /// <remarks>
    /// The derived cmdlets make ByObject their default parameter set: with ById as default, PowerShell binds a piped
    /// connector to -ConnectorId by property name before trying -InputObject, and the connector's name is lost.
    /// </remarks>
    public abstract class ConnectorTargetCmdlet : UpstashKafkaCmdlet
    {
        internal const string ByIdSet = "ById";
        internal const string ByObjectSet = "ByObject";

        /// <summary>Ids as strings (on Kafka Connect, names), or any object with a ConnectorId property (Import-Csv rows, API objects).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(ConnectorIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] ConnectorId { get; set; } = Array.Empty<string>();

        /// <summary>Connectors from Get-UpstashKafkaConnector or New-UpstashKafkaConnector; their names make prompts readable.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObjectSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public KafkaConnector[] InputObject { get; set; } = Array.Empty<KafkaConnector>();

        /// <summary>The server to call; a connector given to -InputObject is acted on where it was read, unless this is typed.</summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ByObjectSet)]
        [ConnectionTransformation]
        public override UpstashKafkaConnection? Connection { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ConnectorTarget target in Targets())
            {
                ItemConnection = target.Given?.Connection?.Api;
                try
                {
                    Process(target);
                }
                catch (UpstashApiException ex)
                {
                    WriteApiError(ex, OperationName, target.Reference);
                }
                finally
                {
                    ItemConnection = null;
                }
            }
        }

        internal override bool ServesKafkaConnect => true;

        /// <summary>The stem of this cmdlet's API error ids, e.g. "SuspendConnector" gives SuspendConnectorNotFound.</summary>
        internal abstract string OperationName { get; }

        /// <summary>Acts on one connector. API failures may be thrown; they become this item's error.</summary>
        internal abstract void Process(ConnectorTarget target);

        /// <summary>Sends one action or delete and waits for the server to accept it.</summary>
        internal void Send(Func<IConnectorServer, CancellationToken, Task> action) =>
            RunApi(async (api, pump, token) =>
            {
                await action(ConnectorServers.For(api), token).ConfigureAwait(false);
                return true;
            });

        /// <summary>
        /// After an action: with -Wait, polls until the connector reaches <paramref name="goal"/> (writing it) or fails
        /// (writing the error); otherwise, with -PassThru, reads it back and writes it.
        /// </summary>
        internal void WaitOrPassThru(ConnectorTarget target, bool wait, int timeoutSeconds, bool passThru, ConnectorGoal goal = ConnectorGoal.Running)
        {
            if (wait)
            {
                new ConnectorWaiter(this) { Goal = goal }.WriteWhenReached(target.ConnectorId, timeoutSeconds);
            }
            else if (passThru)
            {
                WriteObject(Read(target));
            }
        }

        internal KafkaConnector Read(ConnectorTarget target) =>
            RunApi((api, pump, token) => ConnectorServers.For(api).GetAsync(target.ConnectorId, includeSecrets: false, token));

        private IEnumerable<ConnectorTarget> Targets() =>
            ParameterSetName == ByObjectSet
                ? InputObject.Where(c => c != null).Select(c => new ConnectorTarget(c.ConnectorId, c.Name, c))
                : ConnectorId.Select(id => new ConnectorTarget(id.Trim(), null, null));
    }

    /// <summary>One connector a cmdlet was asked to act on, named for prompts and messages.</summary>
    internal sealed class ConnectorTarget
    {
        public ConnectorTarget(string connectorId, string? name, KafkaConnector? given)
        {
            ConnectorId = connectorId;
            Name = string.IsNullOrEmpty(name) ? null : name;
            Given = given;
        }

        public string ConnectorId { get; }

        public string? Name { get; }

        /// <summary>The object that came in, when one did (the error target then is that object).</summary>
        public KafkaConnector? Given { get; }

        public object Reference => (object?)Given ?? ConnectorId;

        /// <summary>"connector 'orders' (431e...)", "connector 431e..." or, where the name is the id (Kafka Connect), "connector 'orders'".</summary>
        public override string ToString() =>
            Name == ConnectorId ? $"connector '{Name}'" : Name != null ? $"connector '{Name}' ({ConnectorId})" : $"connector {ConnectorId}";
    }
}
