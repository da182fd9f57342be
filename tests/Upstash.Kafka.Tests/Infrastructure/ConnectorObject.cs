using System.Management.Automation;

namespace Upstash.Kafka.Tests.Infrastructure;

/// <summary>
/// Reads the module's output objects through PowerShell's adapter: the tests import the built module and do not
/// reference its assembly, so KafkaConnector is seen as a PSObject, as a script sees it.
/// </summary>
public static class ConnectorObject
{
    public const string TypeName = "Upstash.Kafka.KafkaConnector";

    public static string? Text(this PSObject connector, string property) => connector.Properties[property].Value as string;

    public static string Name(this PSObject connector) => connector.Text("Name")!;

    public static string? State(this PSObject connector) => connector.Text("State");

    public static IDictionary<string, string> ConnectorProperties(this PSObject connector) =>
        (IDictionary<string, string>)connector.Properties["Properties"].Value;

    public static PSObject SingleConnector(this RunResult result)
    {
        PSObject output = Assert.Single(result.Output);
        Assert.Equal(TypeName, output.BaseObject.GetType().FullName);
        return output;
    }

    public static IEnumerable<string> Names(this RunResult result) => result.Output.Select(o => o.Name());
}
