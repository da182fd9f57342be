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
    /// Get-UpstashKafkaTopic: topics by id, by cluster, by name (wildcards), or every topic of every cluster. The API
    /// has no get-by-name and no cross-cluster list, so names are found by listing and filtering, and "every topic"
    /// lists the clusters first. Topics are written as they arrive.
    /// </summary>
    /// <remarks>
    /// A cluster piped in has a Name too, which binds to -Name by property name. *(decision)* An object that brings a
    /// ClusterId (and no TopicId) selects that cluster's topics, and its Name is never used as a topic filter; an
    /// object with a TopicId is read by that id; a piped string is a topic id, as for connectors.
    /// </remarks>
    [Cmdlet(VerbsCommon.Get, "UpstashKafkaTopic", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(KafkaTopic))]
    public sealed class GetUpstashKafkaTopicCommand : UpstashKafkaCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByIdSet = "ById";

        private readonly Dictionary<string, NamePattern> commandLinePatterns = new Dictionary<string, NamePattern>(StringComparer.Ordinal);
        private HashSet<string> commandLine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private bool listFailed;

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(TopicIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] TopicId { get; set; } = Array.Empty<string>();

        /// <summary>Topic names to find; wildcards allowed. Without -ClusterId every cluster is searched.</summary>
        [Parameter(Position = 0, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(TopicNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>The cluster to list; without it, every cluster of the account.</summary>
        [Parameter(ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? ClusterId { get; set; }

        /// <summary>What came down the pipeline: a cluster (its topics), a topic (read again by id) or a topic id.</summary>
        [Parameter(ParameterSetName = ByNameSet, ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Before the first record, only what the command line gave is bound.
            commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            foreach (string name in commandLine.Contains(nameof(Name)) ? Name ?? Array.Empty<string>() : Array.Empty<string>())
            {
                commandLinePatterns[name] = new NamePattern(name);
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                Array.ForEach(TopicId, id => GetById(id.Trim()));
                return;
            }

            object? piped = InputObject?.BaseObject;
            if (piped is string pipedId)
            {
                if (pipedId.Trim().Length == 0)
                {
                    WriteInputError("A piped topic id is empty or only spaces.", "BlankTopicId", pipedId);
                    return;
                }

                GetById(pipedId.Trim());
                return;
            }

            string? topicId = piped == null ? null : Text(InputObject!, "TopicId");
            bool nameGiven = commandLine.Contains(nameof(Name));
            if (topicId != null && !nameGiven && !commandLine.Contains(nameof(ClusterId)))
            {
                GetById(topicId);
                return;
            }

            // Read from the object itself too, so -InputObject $cluster works as well as piping it.
            string? objectCluster = piped == null || commandLine.Contains(nameof(ClusterId)) ? null : Text(InputObject!, "ClusterId");
            string? clusterId = objectCluster ?? ClusterId;
            if (piped != null && clusterId == null && Name == null)
            {
                WriteInputError($"The piped object ({piped.GetType().Name}) has no TopicId, ClusterId or Name to find topics by.", "InvalidTopicInput", piped);
                return;
            }

            // The trap: a cluster's own Name came along with its ClusterId and must not filter its topics.
            List<NamePattern> patterns = nameGiven ? commandLinePatterns.Values.ToList()
                : objectCluster != null ? new List<NamePattern>()
                : (Name ?? Array.Empty<string>()).Select(n => new NamePattern(n)).ToList();
            ListAndFilter(clusterId, patterns, reportMissing: !nameGiven);
        }

        protected override void EndProcessing()
        {
            // Names given on the command line are looked for in every record (every piped cluster): missing means
            // missing from all. After a failed list nothing can be said about what is missing.
            if (!listFailed)
            {
                ReportMissing(commandLinePatterns.Values, commandLine.Contains(nameof(ClusterId)) ? ClusterId : null);
            }
        }

        private void GetById(string id)
        {
            try
            {
                WriteObject(RunApi((api, pump, token) => new TopicApi(api).GetAsync(id, token)));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "GetTopic", id);
            }
        }

        private void ListAndFilter(string? clusterId, List<NamePattern> patterns, bool reportMissing)
        {
            try
            {
                RunApi((api, pump, token) => ListAsync(api, pump, clusterId?.Trim(), patterns, token));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, clusterId == null ? "ListClusters" : "ListTopics", clusterId);
                listFailed = true;
                return;
            }

            if (reportMissing)
            {
                ReportMissing(patterns, clusterId);
            }
        }

        private void ReportMissing(IEnumerable<NamePattern> patterns, string? clusterId) =>
            WriteNamesNotFound(patterns, "topic", clusterId == null ? "in any cluster" : "in cluster " + clusterId, "TopicNameNotFound");

        private async Task<bool> ListAsync(UpstashApiClient api, PipelineThreadPump pump, string? clusterId, List<NamePattern> patterns, CancellationToken token)
        {
            var topics = new TopicApi(api);
            Action<KafkaTopic> onTopic = topic =>
            {
                if (NamePattern.MatchesAny(patterns, topic.Name))
                {
                    pump.Post(() => WriteObject(topic));
                }
            };

            await EveryCluster.ListAsync(
                api,
                clusterId,
                id => topics.ListAsync(id, onTopic, token),
                (id, ex) => pump.Post(() => WriteApiError(ex, "ListTopics", id)),
                token).ConfigureAwait(false);
            return true;
        }

        private static string? Text(PSObject value, string property)
        {
            string? text = value.Properties[property]?.Value?.ToString();
            return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
        }
    }
}
