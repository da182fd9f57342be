using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Sync-UpstashKafkaConnector: makes a cluster's connectors match a folder of connector files. It creates what is
    /// missing, posts the complete configuration of what differs, pauses or resumes to match initial_state, and with
    /// -Prune removes connectors that no file names. Every question (-Confirm, the removals' confirmation) is asked
    /// on the pipeline thread before anything is sent; then up to -ThrottleLimit connectors are worked on at once.
    /// Planning reads the cluster afresh each time, so running it again finishes a sync that was cut off.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KafkaConnectorSyncResult))]
    public sealed class SyncUpstashKafkaConnectorCommand : ConnectorPlanCmdlet
    {
        /// <summary>*(decision)* Four at once: most of the speed-up of eight, at half the load on a shared service.</summary>
        public const int DefaultThrottleLimit = 4;

        /// <summary>Up to -ThrottleLimit calls are in flight at once from the pipeline thread; a blocking send would queue them.</summary>
        internal override bool SendsOnPipelineThread => false;

        /// <summary>Removes the cluster's connectors that no file names (each confirmed, as Remove- does, unless -Force).</summary>
        [Parameter]
        public SwitchParameter Prune { get; set; }

        /// <summary>Removes without asking (with -Prune).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Waits until every created, updated or resumed connector runs (or fails).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How many seconds -Wait waits, for all connectors together.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int Timeout { get; set; } = ConnectorWaiter.DefaultTimeoutSeconds;

        /// <summary>How many connectors are worked on at once.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void EndProcessing()
        {
            List<PlannedConnector>? plan = MakePlan(out DesiredConnectors desired);
            if (plan == null)
            {
                return;
            }

            if (Prune && desired.UnreadableFiles > 0 && plan.Any(p => p.Action == ConnectorComparisonAction.Unmanaged))
            {
                this.WriteWarningWithoutPrompts($"{desired.UnreadableFiles} connector file(s) could not be read, so -Prune removes nothing this time: a broken file may describe a connector the cluster has. Fix the file(s) and run this again.");
            }

            bool mayPrune = Prune && desired.UnreadableFiles == 0;
            List<PlannedConnector> approved = Approve(plan, mayPrune);
            if (approved.Count == 0)
            {
                return;
            }

            var finished = new List<KafkaConnectorSyncResult>();
            progress = new BatchProgress(this, $"Syncing connectors {Where}", approved.Count);
            try
            {
                RunApi((api, pump, token) => ApplyAllAsync(api, pump, approved, mayPrune, finished, token));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "SyncConnector", ServerClusterId);
            }
            finally
            {
                progress.Complete();
            }

            WaitForAll(finished);
        }

        /// <summary>
        /// Asks every question before anything is sent. Unchanged connectors need none. *(decision)* Removals are
        /// asked like Remove-UpstashKafkaConnector's (a High-impact question unless -Force), while creates and
        /// updates follow -Confirm and $ConfirmPreference at Medium, so a plain sync of new files never stops to ask.
        /// </summary>
        private List<PlannedConnector> Approve(List<PlannedConnector> plan, bool mayPrune)
        {
            var approved = new List<PlannedConnector>();
            bool yesToAll = false;
            bool noToAll = false;
            foreach (PlannedConnector item in plan)
            {
                bool unmanaged = item.Action == ConnectorComparisonAction.Unmanaged;
                if (item.Action == ConnectorComparisonAction.Unchanged || (unmanaged && !mayPrune))
                {
                    approved.Add(item);
                    continue;
                }

                string target = $"connector '{item.Name}' {Where}";
                if (!ShouldProcess(target, item.Describe()))
                {
                    continue;
                }

                if (unmanaged && !Force && !MyInvocation.BoundParameters.ContainsKey("Confirm") &&
                    !ShouldContinue($"Remove {target}? It is in no connector file, and removing it deletes its configuration.", "Remove Kafka connector (-Prune)", ref yesToAll, ref noToAll))
                {
                    continue;
                }

                approved.Add(item);
            }

            // Under -WhatIf the plan was shown by ShouldProcess; nothing is sent, and nothing is reported as done.
            return WhatIfRequested() ? new List<PlannedConnector>() : approved;
        }


        private BatchProgress progress = null!;

        private async Task<bool> ApplyAllAsync(UpstashApiClient api, PipelineThreadPump pump, List<PlannedConnector> approved, bool prune, List<KafkaConnectorSyncResult> finished, CancellationToken token)
        {
            var worker = new ConnectorSyncWorker(api, ServerClusterId);
            using (var slots = new SemaphoreSlim(ThrottleLimit))
            {
                await Task.WhenAll(approved.Select(item => ApplyOneAsync(worker, slots, pump, item, prune, finished, token))).ConfigureAwait(false);
            }

            return true;
        }

        private async Task ApplyOneAsync(ConnectorSyncWorker worker, SemaphoreSlim slots, PipelineThreadPump pump, PlannedConnector item, bool prune, List<KafkaConnectorSyncResult> finished, CancellationToken token)
        {
            await slots.WaitAsync(token).ConfigureAwait(false);
            try
            {
                KafkaConnectorSyncResult result = await worker.ApplyAsync(item, prune, token).ConfigureAwait(false);
                int done = progress.Finish();
                pump.Post(() =>
                {
                    progress.Show(done);
                    Report(result, finished);
                });
            }
            catch (UpstashApiException ex)
            {
                // One connector failing never stops the others; what it did before the failure stays done.
                int done = progress.Finish();
                pump.Post(() =>
                {
                    progress.Show(done);
                    WriteApiError(ex, "SyncConnector", item.Desired?.File.Path ?? item.Name);
                });
            }
            finally
            {
                slots.Release();
            }
        }

        /// <summary>On the pipeline thread: writes the result now, or keeps it for -Wait.</summary>
        private void Report(KafkaConnectorSyncResult result, List<KafkaConnectorSyncResult> finished)
        {
            if (result.Connector != null)
            {
                HideKnownSecrets(result.Connector);
            }

            if (Wait && NeedsWaiting(result))
            {
                finished.Add(result);
            }
            else
            {
                WriteObject(result);
            }
        }

        private static bool NeedsWaiting(KafkaConnectorSyncResult result) =>
            (result.Outcome == ConnectorSyncOutcome.Created || result.Outcome == ConnectorSyncOutcome.Updated) && result.Connector != null;

        /// <summary>
        /// The state -Wait waits for: the one the sync sent, else the one it leaves (a paused connector updated stays
        /// paused). A new connector reads UNASSIGNED first, so its state as read back says nothing.
        /// </summary>
        private static ConnectorGoal GoalOf(KafkaConnectorSyncResult result) =>
            result.StateChange == ConnectorStateChange.Pause ? ConnectorGoal.Paused
            : result.StateChange == ConnectorStateChange.Stop ? ConnectorGoal.Stopped
            : result.StateChange == ConnectorStateChange.Resume ? ConnectorGoal.Running
            : result.Connector != null && ConnectorHealth.IsPaused(result.Connector) ? ConnectorGoal.Paused
            : ConnectorGoal.Running;

        /// <summary>-Wait: one deadline for all; the connectors settle on the server at the same time, so waiting in turn costs little.</summary>
        private void WaitForAll(List<KafkaConnectorSyncResult> finished)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(Timeout);
            foreach (KafkaConnectorSyncResult result in finished)
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                var waiter = new ConnectorWaiter(this) { Goal = GoalOf(result) };
                try
                {
                    KafkaConnector? running = waiter.WaitUntilReached(result.ConnectorId!, left < TimeSpan.Zero ? TimeSpan.Zero : left);
                    result.Connector = running ?? result.Connector;
                }
                catch (UpstashApiException ex)
                {
                    WriteApiError(ex, "WaitConnector", result.Name);
                }

                WriteObject(result);
            }
        }
    }
}
