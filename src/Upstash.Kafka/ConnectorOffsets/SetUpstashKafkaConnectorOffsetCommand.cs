using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Set-UpstashKafkaConnectorOffset: changes committed offsets of Kafka Connect connectors (PATCH
    /// /connectors/{name}/offsets, Kafka 3.6 and later), from hashtables (-Offset) or from KafkaConnectorOffset objects
    /// read with Get-UpstashKafkaConnectorOffset and edited. Piped objects are collected and sent as ONE request per
    /// connector at the end: Kafka Connect applies a request's offsets together, and a request per partition would
    /// be many writes to its offsets topic, each one a chance to half-apply. Sent only to a connector that is STOPPED
    /// with no tasks left.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "UpstashKafkaConnectorOffset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(KafkaConnectorOffset))]
    public sealed class SetUpstashKafkaConnectorOffsetCommand : ConnectorOffsetCmdlet
    {
        private const string ByNameSet = "ByName";

        // The default set: with ByName as default, a piped KafkaConnector could bind its Name before -InputObject is tried.
        private const string ByObjectSet = "ByObject";

        /// <summary>How many changes -WhatIf and -Confirm spell out before "and N more".</summary>
        private const int ShownInPrompt = 3;

        /// <summary>Piped offsets per connector and connection, in the order first seen.</summary>
        private readonly List<OffsetGroup> groups = new List<OffsetGroup>();

        private IReadOnlyList<KafkaConnectOffsetEntry> tableEntries = Array.Empty<KafkaConnectOffsetEntry>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectorId")]
        [ArgumentCompleter(typeof(ConnectorNameCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>@{ partition = @{...}; offset = @{...} } each; offset = $null resets that partition.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByNameSet)]
        [ValidateNotNullOrEmpty]
        public Hashtable[] Offset { get; set; } = Array.Empty<Hashtable>();

        /// <summary>Offsets from Get-UpstashKafkaConnectorOffset, possibly edited; each goes to its ConnectorName on its Connection.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObjectSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public KafkaConnectorOffset[] InputObject { get; set; } = Array.Empty<KafkaConnectorOffset>();

        /// <summary>Writes every offset of each connector as read back after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// The server to call. From the pipeline by property name only with -Name (a piped connector's): a piped offset
        /// carries its connection as an object property, read per object, so a typed -Connection still wins.
        /// </summary>
        [Parameter(ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ByObjectSet)]
        [ConnectionTransformation]
        public override UpstashKafkaConnection? Connection { get; set; }

        internal override string OperationName => "SetConnectorOffset";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ParameterSetName != ByNameSet)
            {
                return;
            }

            // -Offset is the same for every connector: a mistake in it is a mistake for all, so nothing is sent.
            try
            {
                tableEntries = Offset.Select((table, index) => KafkaConnectOffsetEntry.FromTable(table, $"-Offset[{index}]")).ToList();
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidOffset", ErrorCategory.InvalidArgument, Offset));
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByNameSet)
            {
                foreach (string given in Name)
                {
                    string name = given.Trim();
                    Send(name, tableEntries, name);
                }

                return;
            }

            foreach (KafkaConnectorOffset offset in InputObject.Where(o => o != null))
            {
                Collect(offset);
            }
        }

        protected override void EndProcessing()
        {
            foreach (OffsetGroup group in groups.Where(g => !g.Invalid))
            {
                ItemConnection = group.Connection;
                try
                {
                    Send(group.Name, group.Entries, group.Objects.ToArray());
                }
                finally
                {
                    ItemConnection = null;
                }
            }
        }

        /// <summary>Adds a piped offset to its connector's request; one that cannot be sent spoils that request only.</summary>
        private void Collect(KafkaConnectorOffset offset)
        {
            string name = offset.ConnectorName?.Trim() ?? string.Empty;
            ItemConnection = offset.Connection?.Api;
            ApiConnection connection;
            try
            {
                connection = CurrentConnection;
            }
            finally
            {
                ItemConnection = null;
            }

            OffsetGroup? group = groups.FirstOrDefault(g => g.Connection == connection && string.Equals(g.Name, name, StringComparison.Ordinal));
            if (group == null)
            {
                group = new OffsetGroup(name, connection);
                groups.Add(group);
            }

            group.Objects.Add(offset);
            if (group.Invalid)
            {
                return;
            }

            try
            {
                if (name.Length == 0)
                {
                    throw new ArgumentException("An offset has no ConnectorName, so which connector it is for cannot be known.");
                }

                group.Entries.Add(KafkaConnectOffsetEntry.FromObject(offset, $"The offset {KafkaConnectOffsetValues.Text(offset.Partition)} of connector '{name}'"));
            }
            catch (ArgumentException ex)
            {
                // Kafka Connect applies one request's offsets together; so does this cmdlet: none of this connector's are sent.
                group.Invalid = true;
                WriteError(new ErrorRecord(
                    new ArgumentException(ex.Message + (name.Length == 0 ? string.Empty : $" No offsets of connector '{name}' were sent."), ex),
                    "InvalidOffset",
                    ErrorCategory.InvalidArgument,
                    offset));
            }
        }

        private void Send(string name, IReadOnlyList<KafkaConnectOffsetEntry> entries, object target)
        {
            string what = $"Changing the offsets of connector '{name}'";
            if (!OnKafkaConnect(what, target) || !ShouldProcess($"connector '{name}'", Describe(entries)))
            {
                return;
            }

            if (Change(name, what, target, (offsets, token) => offsets.AlterAsync(name, entries, token)) && PassThru)
            {
                WriteOffsets(name, target);
            }
        }

        /// <summary>"Set 2 offsets: {kafka_topic=orders, kafka_partition=0} to {kafka_offset=42}; ...": what -WhatIf and -Confirm show.</summary>
        private static string Describe(IReadOnlyList<KafkaConnectOffsetEntry> entries)
        {
            string shown = string.Join("; ", entries.Take(ShownInPrompt));
            string more = entries.Count > ShownInPrompt ? $"; and {entries.Count - ShownInPrompt} more" : string.Empty;
            return $"Set {KafkaConnectOffsetApi.Count(entries.Count)}: {shown}{more}";
        }

        /// <summary>The piped offsets of one connector on one server: one PATCH.</summary>
        private sealed class OffsetGroup
        {
            public OffsetGroup(string name, ApiConnection connection)
            {
                Name = name;
                Connection = connection;
            }

            public string Name { get; }

            public ApiConnection Connection { get; }

            public List<KafkaConnectOffsetEntry> Entries { get; } = new List<KafkaConnectOffsetEntry>();

            public List<KafkaConnectorOffset> Objects { get; } = new List<KafkaConnectorOffset>();

            public bool Invalid { get; set; }
        }
    }
}
