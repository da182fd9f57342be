using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Get-UpstashKafkaConnectorPlugin: the plugins a Kafka Connect worker has installed (GET
    /// /connector-plugins?connectorsOnly=false), as typed objects written as they arrive. -Type filters here rather
    /// than on the server: the API has no filter but "connectors only". Upstash has no plugin list, so an Upstash
    /// connection is refused before anything is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "UpstashKafkaConnectorPlugin")]
    [OutputType(typeof(KafkaConnectorPlugin))]
    public sealed class GetUpstashKafkaConnectorPluginCommand : UpstashKafkaCmdlet
    {
        private const string Operation = "GetConnectorPlugin";

        /// <summary>Only plugins of these types; all of them when left out.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public KafkaConnectorPluginType[]? Type { get; set; }

        internal override bool ServesKafkaConnect => true;

        protected override void ProcessRecord()
        {
            var wanted = new HashSet<KafkaConnectorPluginType>(Type ?? System.Array.Empty<KafkaConnectorPluginType>());
            bool listedOthers = false;
            try
            {
                KafkaConnectOnly.Require(CurrentConnection, "Listing connector plugins");
                RunApi(async (api, pump, token) =>
                {
                    await new KafkaConnectPluginApi(api).ListAsync(
                        plugin =>
                        {
                            listedOthers |= !IsConnector(plugin.Type);
                            if (wanted.Count == 0 || wanted.Contains(plugin.Type))
                            {
                                pump.Post(() => WriteObject(plugin));
                            }
                        },
                        token).ConfigureAwait(false);
                    return true;
                });
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, Operation, null);
                return;
            }

            if (!listedOthers && wanted.Any(t => !IsConnector(t)))
            {
                // Before Kafka 3.2 the worker ignores connectorsOnly=false (KIP-769): an empty answer for -Type
                // Transformation would otherwise read as "none installed".
                this.WriteWarningWithoutPrompts($"{CurrentConnection.Describe()} listed connectors only: Kafka Connect lists transformations, predicates and converters from Kafka 3.2 on. Those it has are not shown.");
            }
        }

        private static bool IsConnector(KafkaConnectorPluginType type) =>
            type == KafkaConnectorPluginType.Source || type == KafkaConnectorPluginType.Sink;
    }
}
