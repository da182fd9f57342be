using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Test-UpstashKafkaConnectorConfig: validates connector configurations offline, from files or a hashtable, like
    /// Kafka Connect's config/validate without a server. Sends nothing and needs no credential. A problem is data
    /// (a result's Problems), not an error record; errors are for input that names nothing to test.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "UpstashKafkaConnectorConfig", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ConnectorConfigTestResult), typeof(bool))]
    public sealed class TestUpstashKafkaConnectorConfigCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string PropertySet = "Property";

        // (decision) -Quiet answers once for the whole call, like "if (Test-... -Path ./connectors -Quiet)" needs:
        // true only when every connector is valid and every path named something to test.
        private bool allValid = true;

        /// <summary>Connector files (*.json, *.properties) or folders of them; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>One configuration as a hashtable; a connector from Get-UpstashKafkaConnector binds its Properties here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PropertySet, ValueFromPipelineByPropertyName = true)]
        [Alias("Properties")]
        [ValidateNotNull]
        public IDictionary? Property { get; set; }

        /// <summary>The connector's name, for the result and to compare with a "name" inside -Property.</summary>
        [Parameter(ParameterSetName = PropertySet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Writes one $true or $false for the whole call instead of the results.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == PropertySet)
            {
                TestProperty(Property!);
            }
        }

        protected override void EndProcessing()
        {
            if (Quiet)
            {
                WriteObject(allValid);
            }
        }

        private void TestProperty(IDictionary property)
        {
            ConnectorPropertyValues values;
            try
            {
                values = ConnectorPropertyValues.From(property);
            }
            catch (ArgumentException ex)
            {
                // A $null or nested value cannot be a Kafka Connect config at all: the connector is invalid.
                Report(new ConnectorConfigTestResult(Name ?? string.Empty, null, new[] { ConnectorConfigProblem.Error(string.Empty, ex.Message) }));
                return;
            }

            string name = Name ?? (values.Values.TryGetValue("name", out string? inConfig) ? inConfig : string.Empty);
            Report(new ConnectorConfigTestResult(name, null, ConnectorConfigValidator.Validate(Name, values.Values)));
        }

        private void Report(ConnectorConfigTestResult result)
        {
            allValid &= result.IsValid;
            if (!Quiet)
            {
                WriteObject(result);
            }
        }
    }
}
