using System.Management.Automation;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>Rename-UpstashKafkaCluster: POST /v2/kafka/rename-cluster/{id}; the name is the only thing about a cluster that can change.</summary>
    [Cmdlet(VerbsCommon.Rename, "UpstashKafkaCluster", SupportsShouldProcess = true)]
    [OutputType(typeof(KafkaCluster))]
    public sealed class RenameUpstashKafkaClusterCommand : UpstashKafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string ClusterId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string NewName { get; set; } = string.Empty;

        /// <summary>Writes the renamed cluster; without it nothing is written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            string id = ClusterId.Trim();
            string newName = NewName.Trim();
            if (!ShouldProcess($"cluster {id}", $"Rename Kafka cluster to '{newName}'"))
            {
                return;
            }

            try
            {
                KafkaCluster renamed = RunApi((api, pump, token) => new ClusterApi(api).RenameAsync(id, newName, token));
                WriteVerbose($"Renamed cluster {id} to '{renamed.Name}'.");
                if (PassThru)
                {
                    WriteObject(renamed);
                }
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "RenameCluster", id);
            }
        }
    }
}
