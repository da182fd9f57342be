using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// New-UpstashKafkaCredential: POST /v2/kafka/credential, exactly once even over a flaky network (after an
    /// ambiguous failure the cluster's credentials are searched for the name before anything is sent again). The
    /// credential written carries the only copy of its password the user will ever get, inside a PSCredential.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "UpstashKafkaCredential", SupportsShouldProcess = true)]
    [OutputType(typeof(KafkaCredential))]
    public sealed class NewUpstashKafkaCredentialCommand : UpstashKafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Name { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string ClusterId { get; set; } = string.Empty;

        /// <summary>A topic name, a prefix ending in *, or * for every topic of the cluster.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TopicNameCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Topic { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("All", "Produce", "Consume")]
        public string Permission { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            string name = Name.Trim();
            string clusterId = ClusterId.Trim();
            string topic = Topic.Trim();
            // ValidateSet matches case-insensitively; send the API's spelling whatever the user typed.
            string permission = CredentialReader.PermissionName(Permission) ?? Permission;
            if (!ShouldProcess($"credential '{name}' ({permission} on '{topic}') in cluster {clusterId}", "Create Kafka credential"))
            {
                return;
            }

            try
            {
                WriteObject(RunApi((api, pump, token) => CreateAsync(api, name, clusterId, topic, permission, token)));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "NewCredential", name);
            }
        }

        private static Task<KafkaCredential> CreateAsync(UpstashApiClient api, string name, string clusterId, string topic, string permission, CancellationToken token)
        {
            var credentials = new CredentialApi(api);
            // *(decision)* A credential's name is taken to be unique per cluster, like a connector's; the look-up
            // searches that cluster's credentials only.
            var recovery = new CreateRecovery<KafkaCredential>(
                api, "credential", name, "the cluster", $"Get-UpstashKafkaCredential -ClusterId {clusterId} -Name '{name}'");
            return recovery.CreateAsync(
                t => credentials.CreateAsync(name, clusterId, topic, permission, t),
                t => FindAsync(credentials, name, clusterId, t),
                (found, firstSent) =>
                    CreateRecovery<KafkaCredential>.CreatedSince(found.CreationTime, firstSent) && found.Topic == topic
                        && string.Equals(found.Permission, permission, StringComparison.OrdinalIgnoreCase)
                        ? null
                        : $"created {found.CreationTime:u}, {found.Permission} on '{found.Topic}'",
                found => found,
                token);
        }

        private static async Task<KafkaCredential?> FindAsync(CredentialApi credentials, string name, string clusterId, CancellationToken token)
        {
            KafkaCredential? found = null;
            await credentials.ListAsync(
                c => found = c.ClusterId == clusterId && string.Equals(c.Name, name, StringComparison.Ordinal) ? c : found,
                token).ConfigureAwait(false);
            return found;
        }
    }
}
