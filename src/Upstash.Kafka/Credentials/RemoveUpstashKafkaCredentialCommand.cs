using System;
using System.Management.Automation;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Remove-UpstashKafkaCredential: DELETE /v2/kafka/credential/{id}. Clients using it lose access at once, so it
    /// asks first (ConfirmImpact High) unless -Force; -WhatIf always wins over -Force.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "UpstashKafkaCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveUpstashKafkaCredentialCommand : UpstashKafkaCmdlet
    {
        private const string Action = "Remove Kafka credential";

        /// <summary>Ids as strings, or credentials from Get-UpstashKafkaCredential (they bind by their CredentialId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(CredentialIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] CredentialId { get; set; } = Array.Empty<string>();

        /// <summary>Removes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (string given in CredentialId)
            {
                string id = given.Trim();
                string target = "credential " + id;
                if (!this.ShouldProcessUnlessForced(Force, target, Action, $"Removing {target} without confirmation (-Force)."))
                {
                    continue;
                }

                try
                {
                    // A credential that is already gone answers 404: RemoveCredentialNotFound, an ObjectNotFound error.
                    RunApi(async (api, pump, token) =>
                    {
                        await new CredentialApi(api).DeleteAsync(id, token).ConfigureAwait(false);
                        return true;
                    });
                    WriteVerbose($"Removed {target}.");
                }
                catch (UpstashApiException ex)
                {
                    WriteApiError(ex, "RemoveCredential", id);
                }
            }
        }
    }
}
