using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Remove-UpstashKafkaTopic: deletes topics (DELETE /v2/kafka/topic/{id}) and every message in them. Destructive,
    /// so it asks first (ConfirmImpact High) unless -Force; -WhatIf always wins over -Force. Each topic is handled on
    /// its own, so one failure never stops the rest.
    /// </summary>
    /// <remarks>ByObject is the default set, so a piped topic keeps its name for the prompt (see ConnectorTargetCmdlet).</remarks>
    [Cmdlet(VerbsCommon.Remove, "UpstashKafkaTopic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(void))]
    public sealed class RemoveUpstashKafkaTopicCommand : UpstashKafkaCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByObjectSet = "ByObject";
        private const string Action = "Remove Kafka topic and all its messages";

        /// <summary>Ids as strings, or any object with a TopicId property.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(TopicIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] TopicId { get; set; } = Array.Empty<string>();

        /// <summary>Topics from Get-UpstashKafkaTopic or New-UpstashKafkaTopic; their names make prompts readable.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObjectSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public KafkaTopic[] InputObject { get; set; } = Array.Empty<KafkaTopic>();

        /// <summary>Removes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            IEnumerable<(string Id, string Target, object Reference)> targets = ParameterSetName == ByObjectSet
                ? InputObject.Where(t => t != null).Select(t => (t.TopicId, $"topic '{t.Name}' ({t.TopicId})", (object)t))
                : TopicId.Select(id => (id.Trim(), "topic " + id.Trim(), (object)id.Trim()));
            foreach ((string id, string target, object reference) in targets)
            {
                if (!this.ShouldProcessUnlessForced(Force, target, Action, $"Removing {target} without confirmation (-Force)."))
                {
                    continue;
                }

                try
                {
                    // A topic that is already gone answers 404: RemoveTopicNotFound, an ObjectNotFound error.
                    RunApi(async (api, pump, token) =>
                    {
                        await new TopicApi(api).DeleteAsync(id, token).ConfigureAwait(false);
                        return true;
                    });
                    WriteVerbose($"Removed {target}.");
                }
                catch (UpstashApiException ex)
                {
                    WriteApiError(ex, "RemoveTopic", reference);
                }
            }
        }
    }
}
