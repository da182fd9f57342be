using System;
using System.Management.Automation;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Get-UpstashKafkaConnectorOffset: the committed offsets of Kafka Connect connectors (GET
    /// /connectors/{name}/offsets, Kafka 3.5 and later), one object per partition, each carrying its connection so it
    /// can be edited and piped to Set-UpstashKafkaConnectorOffset. Reading works in any state; a connector that has
    /// committed nothing yet writes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "UpstashKafkaConnectorOffset")]
    [OutputType(typeof(KafkaConnectorOffset))]
    public sealed class GetUpstashKafkaConnectorOffsetCommand : ConnectorOffsetCmdlet
    {
        /// <summary>Connector names; piped connectors bind theirs by property name (and their Connection with it).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectorId")]
        [ArgumentCompleter(typeof(ConnectorNameCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] Name { get; set; } = Array.Empty<string>();

        internal override string OperationName => "GetConnectorOffset";

        protected override void ProcessRecord()
        {
            foreach (string given in Name)
            {
                string name = given.Trim();
                if (OnKafkaConnect($"Reading the offsets of connector '{name}'", name))
                {
                    // An unknown name is GetConnectorOffsetNotFound (ObjectNotFound); the next name goes on.
                    WriteOffsets(name, name);
                }
            }
        }
    }
}
