using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// New-UpstashKafkaConnector: creates one connector per input (Upstash: POST /v2/kafka/connector in a cluster;
    /// Kafka Connect: POST /connectors). Create is not idempotent, so it is never sent twice for one input: a lost
    /// reply is recovered by looking the name up.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class NewUpstashKafkaConnectorCommand : UpstashKafkaCmdlet
    {
        private const string ConnectorClassKey = "connector.class";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Name { get; set; } = string.Empty;

        /// <summary>
        /// The Upstash cluster to create it in; needed on Upstash. *(decision)* Not mandatory, so a Kafka Connect
        /// connection needs none, and one bound from a piped Upstash object is ignored there.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? ClusterId { get; set; }

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("Properties")]
        [ValidateNotNull]
        public IDictionary Property { get; set; } = new Hashtable();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectorClassCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ConnectorClass { get; set; }

        /// <summary>The state it starts in: Running (the default), Paused, or Stopped (Kafka Connect 3.5 and later).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ConnectorInitialState InitialState { get; set; } = ConnectorInitialState.Running;

        internal override bool ServesKafkaConnect => true;

        /// <summary>Waits until the new connector is in its initial state, all tasks included (writing it), or fails (an error with the server's reason).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How many seconds -Wait waits.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int Timeout { get; set; } = ConnectorWaiter.DefaultTimeoutSeconds;

        protected override void ProcessRecord()
        {
            ConnectorPropertyValues properties;
            try
            {
                properties = ConnectorPropertyValues.From(Property);
            }
            catch (ArgumentException ex)
            {
                WriteInputError($"Connector '{Name}' was not created: {ex.Message}", "InvalidPropertyValue", Name);
                return;
            }

            string[] masked = properties.MaskedKeys().ToArray();
            if (masked.Length > 0)
            {
                // Typical when copying: Get-UpstashKafkaConnector ... | New-UpstashKafkaConnector -Name copy.
                WriteInputError($"Connector '{Name}' was not created: " + ConnectorPropertyValues.MaskedValuesMessage(masked), "MaskedPropertyValue", Name);
                return;
            }

            if (!ApplyConnectorClass(properties))
            {
                return;
            }

            ApiConnection connection = CurrentConnection;
            bool upstash = connection.Kind == ServerKind.Upstash;
            if (upstash && string.IsNullOrWhiteSpace(ClusterId))
            {
                WriteInputError($"Connector '{Name}' was not created: on Upstash a connector is created in a cluster; give -ClusterId (Get-UpstashKafkaCluster lists them).", "MissingClusterId", Name);
                return;
            }

            string target = upstash ? $"connector '{Name}' in cluster {ClusterId!.Trim()}" : $"connector '{Name}' on {connection.Describe()}";
            if (!ShouldProcess(target, "Create Kafka connector"))
            {
                return;
            }

            RememberSecrets(properties.GivenAsSecret, properties.SecretValues());
            var creation = new ConnectorCreation(Name, upstash ? ClusterId!.Trim() : null, properties.Values, properties.Masked()) { InitialState = InitialState };
            try
            {
                KafkaConnector created = RunApi((api, pump, token) => ConnectorServers.For(api).CreateAsync(creation, token));
                if (Wait)
                {
                    var goal = InitialState == ConnectorInitialState.Paused ? ConnectorGoal.Paused
                        : InitialState == ConnectorInitialState.Stopped ? ConnectorGoal.Stopped
                        : ConnectorGoal.Running;
                    new ConnectorWaiter(this) { Goal = goal }.WriteWhenReached(created.ConnectorId, Timeout);
                }
                else
                {
                    WriteObject(created);
                }
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "NewConnector", Name);
            }
        }

        /// <summary>-ConnectorClass fills connector.class; the API refuses a connector without one, so check before sending.</summary>
        private bool ApplyConnectorClass(ConnectorPropertyValues properties)
        {
            properties.Values.TryGetValue(ConnectorClassKey, out string? fromProperty);
            if (ConnectorClass != null)
            {
                if (!string.IsNullOrWhiteSpace(fromProperty) && !string.Equals(fromProperty, ConnectorClass, StringComparison.Ordinal))
                {
                    WriteInputError(
                        $"Connector '{Name}' was not created: -ConnectorClass '{ConnectorClass}' and the property connector.class '{fromProperty}' disagree. Give one of them.",
                        "ConflictingConnectorClass",
                        Name);
                    return false;
                }

                properties.Values[ConnectorClassKey] = ConnectorClass;
                return true;
            }

            if (string.IsNullOrWhiteSpace(fromProperty))
            {
                WriteInputError(
                    $"Connector '{Name}' was not created: the properties have no 'connector.class'. Add it, e.g. @{{ 'connector.class' = 'com.mongodb.kafka.connect.MongoSourceConnector'; ... }}, or use -ConnectorClass.",
                    "MissingConnectorClass",
                    Name);
                return false;
            }

            return true;
        }
    }
}
