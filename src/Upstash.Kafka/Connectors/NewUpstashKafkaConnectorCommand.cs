using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// New-UpstashKafkaConnector: creates one connector per input with a single POST /v2/kafka/connector.
    /// Create is not idempotent, so it is never sent twice for one input.
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

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string ClusterId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("Properties")]
        [ValidateNotNull]
        public IDictionary Property { get; set; } = new Hashtable();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectorClassCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ConnectorClass { get; set; }

        /// <summary>Waits until the new connector runs (writing it) or fails (an error with the server's reason).</summary>
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

            string target = $"connector '{Name}' in cluster {ClusterId}";
            if (!ShouldProcess(target, "Create Kafka connector"))
            {
                return;
            }

            RememberSecrets(properties.GivenAsSecret, properties.SecretValues());
            try
            {
                KafkaConnector created = RunApi((api, pump, token) =>
                    new ConnectorCreator(api).CreateAsync(Name, ClusterId, properties.Values, properties.Masked(), token));
                if (Wait)
                {
                    new ConnectorWaiter(this).WriteWhenRunning(created.ConnectorId, Timeout);
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
