using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Get-UpstashKafkaCredential: the API lists every cluster's credentials in one call and has no get-by-id or
    /// get-by-name, so every form of this cmdlet lists once and filters here.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "UpstashKafkaCredential", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(KafkaCredential))]
    public sealed class GetUpstashKafkaCredentialCommand : UpstashKafkaCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByIdSet = "ById";
        private const string ByClusterSet = "ByCluster";

        /// <summary>Declared first: a piped credential binds by its id, not by its name and cluster.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(CredentialIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] CredentialId { get; set; } = Array.Empty<string>();

        [Parameter(Position = 0, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only this cluster's credentials; without it, every cluster's.</summary>
        [Parameter(ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? ClusterId { get; set; }

        /// <summary>
        /// Clusters from Get-UpstashKafkaCluster, piped: each one's credentials. A set of its own, bound by value,
        /// because a cluster also has a Name, which must not be taken as a credential name.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByClusterSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public KafkaCluster[] Cluster { get; set; } = Array.Empty<KafkaCluster>();

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ByIdSet:
                    GetByIds(CredentialId.Select(id => id.Trim()).ToList());
                    break;
                case ByClusterSet:
                    foreach (KafkaCluster cluster in Cluster.Where(c => c != null))
                    {
                        List(cluster.ClusterId, new List<NamePattern>());
                    }

                    break;
                default:
                    List(ClusterId?.Trim(), (Name ?? Array.Empty<string>()).Select(n => new NamePattern(n)).ToList());
                    break;
            }
        }

        private void List(string? clusterId, List<NamePattern> patterns)
        {
            if (!Stream(c => (clusterId == null || c.ClusterId == clusterId) && NamePattern.MatchesAny(patterns, c.Name)))
            {
                return;
            }

            WriteNamesNotFound(patterns, "credential", clusterId == null ? "in any cluster" : "in cluster " + clusterId, "CredentialNameNotFound");
        }

        private void GetByIds(List<string> ids)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            bool listed = Stream(c =>
            {
                if (!ids.Contains(c.CredentialId))
                {
                    return false;
                }

                lock (found)
                {
                    found.Add(c.CredentialId);
                }

                return true;
            });
            if (!listed)
            {
                return;
            }

            foreach (string missing in ids.Where(id => !found.Contains(id)))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"No credential with id {missing} was found."),
                    "GetCredentialNotFound",
                    ErrorCategory.ObjectNotFound,
                    missing));
            }
        }

        /// <summary>Lists every credential, writing those <paramref name="wanted"/> picks as they arrive; false when the list failed.</summary>
        private bool Stream(Func<KafkaCredential, bool> wanted)
        {
            try
            {
                RunApi(async (api, pump, token) =>
                {
                    await new CredentialApi(api).ListAsync(c => { if (wanted(c)) { pump.Post(() => WriteObject(c)); } }, token).ConfigureAwait(false);
                    return true;
                });
                return true;
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "ListCredentials", null);
                return false;
            }
        }
    }
}
