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
    /// Copy-UpstashKafkaConnector: copies connectors from wherever they were read (Upstash, the emulator, a Kafka
    /// Connect cluster) to another server, the move off Upstash in one pipeline. Each configuration is read again in
    /// clear from its own source, since piped objects are masked, and never shown. Every question is asked on the
    /// pipeline thread first (-WhatIf sends nothing to the destination); then up to -ThrottleLimit connectors are
    /// copied at once, with a progress bar. Safe to run again: what is there already is Unchanged.
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KafkaConnectorCopyResult))]
    public sealed class CopyUpstashKafkaConnectorCommand : UpstashKafkaCmdlet
    {
        private readonly List<(KafkaConnector Connector, ApiConnection Source)> approved = new List<(KafkaConnector, ApiConnection)>();
        private ApiConnection destination = null!;

        /// <summary>Connectors from Get-UpstashKafkaConnector (each carries the server it was read from).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public KafkaConnector[] InputObject { get; set; } = Array.Empty<KafkaConnector>();

        /// <summary>Where the copies go: a connection from Connect-UpstashKafka -PassThru.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public UpstashKafkaConnection Destination { get; set; } = null!;

        /// <summary>The destination's cluster when the destination is Upstash (ignored on Kafka Connect).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? ClusterId { get; set; }

        /// <summary>The state every copy ends in; without it each keeps its source's state (a paused one arrives paused).</summary>
        [Parameter]
        public ConnectorInitialState? InitialState { get; set; }

        /// <summary>Replaces a connector of the same name on the destination whose configuration differs.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many connectors are copied at once.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = SyncUpstashKafkaConnectorCommand.DefaultThrottleLimit;

        internal override bool ServesKafkaConnect => true;

        /// <summary>Up to -ThrottleLimit copies are in flight at once from the pipeline thread; a blocking send would queue them.</summary>
        internal override bool SendsOnPipelineThread => false;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            destination = CheckedConnection(Destination.Api);
            if (destination.Kind == ServerKind.Upstash && ClusterId == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"The destination is {destination.Describe()}, where connectors live in clusters: give -ClusterId (Get-UpstashKafkaCluster -Connection lists them)."),
                    "MissingClusterId",
                    ErrorCategory.InvalidArgument,
                    Destination));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (KafkaConnector connector in InputObject.Where(c => c != null))
            {
                ItemConnection = connector.Connection?.Api;
                try
                {
                    ApiConnection source = CurrentConnection;
                    if (ShouldProcess($"connector '{connector.Name}' on {destination.Describe()}", $"Copy Kafka connector from {source.Describe()}") && !WhatIfRequested())
                    {
                        approved.Add((connector, source));
                    }
                }
                finally
                {
                    ItemConnection = null;
                }
            }
        }

        protected override void EndProcessing()
        {
            if (approved.Count == 0)
            {
                return;
            }

            progress = new BatchProgress(this, $"Copying connectors to {destination.Describe()}", approved.Count);
            try
            {
                RunApi(destination, CopyAllAsync);
            }
            finally
            {
                progress.Complete();
            }
        }

        private BatchProgress progress = null!;

        private async Task<bool> CopyAllAsync(UpstashApiClient destinationClient, PipelineThreadPump pump, CancellationToken token)
        {
            string? clusterId = destination.Kind == ServerKind.Upstash ? ClusterId!.Trim() : null;
            var copier = new ConnectorCopier(destinationClient, clusterId, InitialState, Force);
            using (var slots = new SemaphoreSlim(ThrottleLimit))
            {
                await Task.WhenAll(approved.Select(async item =>
                {
                    await slots.WaitAsync(token).ConfigureAwait(false);
                    try
                    {
                        KafkaConnectorCopyResult result = await CopyOneAsync(copier, item.Connector, item.Source, pump, token).ConfigureAwait(false);
                        int finished = progress.Finish();
                        pump.Post(() => Report(result, finished));
                    }
                    finally
                    {
                        slots.Release();
                    }
                })).ConfigureAwait(false);
            }

            return true;
        }

        private async Task<KafkaConnectorCopyResult> CopyOneAsync(ConnectorCopier copier, KafkaConnector connector, ApiConnection source, PipelineThreadPump pump, CancellationToken token)
        {
            try
            {
                return await copier.CopyAsync(Client(source, pump), connector.ConnectorId, token).ConfigureAwait(false);
            }
            catch (UpstashApiException ex)
            {
                // One connector failing never stops the others; it is reported as an error and as a Failed result.
                pump.Post(() => WriteApiError(ex, "CopyConnector", connector));
                return new KafkaConnectorCopyResult
                {
                    Name = connector.Name,
                    Outcome = ConnectorCopyOutcome.Failed,
                    Source = source.Public,
                    Destination = destination.Public,
                    Reason = ex.Message,
                };
            }
        }

        /// <summary>On the pipeline thread: the result, and the progress of the whole copy.</summary>
        private void Report(KafkaConnectorCopyResult result, int finished)
        {
            if (result.Connector != null)
            {
                HideKnownSecrets(result.Connector);
            }

            progress.Show(finished);
            WriteObject(result);
        }
    }
}
