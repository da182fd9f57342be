using System.Management.Automation;
using Upstash.Kafka.Emulator.KafkaConnect;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.KafkaConnect;

/// <summary>Get-UpstashKafkaConnectorPlugin against the emulator's plugin path: what it sends and the typed objects it writes.</summary>
public sealed class ConnectorPluginTests : KafkaConnectSessionTest
{
    private const string TypeName = "Upstash.Kafka.KafkaConnectorPlugin";

    public ConnectorPluginTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Lists_every_kind_of_plugin_as_typed_objects_from_one_request()
    {
        RunResult result = Run("Get-UpstashKafkaConnectorPlugin -Connection $kc");

        result.AssertNoErrors();
        Assert.All(result.Output, o => Assert.Equal(TypeName, o.BaseObject.GetType().FullName));
        Assert.Equal(KafkaConnectPlugins.All(Emulator.Server.Options).Count, result.Output.Count);
        PSObject router = Assert.Single(result.Output, p => p.Text("Class") == "org.apache.kafka.connect.transforms.RegexRouter");
        Assert.Equal("Transformation", TypeOf(router));
        Assert.Equal("3.9.0", router.Text("Version"));
        PSObject header = Assert.Single(result.Output, p => p.Text("Class") == "org.apache.kafka.connect.storage.SimpleHeaderConverter");
        Assert.Equal("HeaderConverter", TypeOf(header));
        Assert.Null(header.Properties["Version"].Value);
        Assert.Equal("Sink", TypeOf(Assert.Single(result.Output, p => p.Text("Class") == JdbcSink)));
        Assert.Equal(
            new[] { "Converter", "HeaderConverter", "Predicate", "Sink", "Source", "Transformation" },
            result.Output.Select(TypeOf).Distinct().Order(StringComparer.Ordinal));
        Assert.All(result.Output, p => Assert.StartsWith("KafkaConnect ", p.Properties["Connection"].Value.ToString(), StringComparison.Ordinal));
        var list = Assert.Single(Sent);
        Assert.Equal("GET", list.Method);
        Assert.Equal("/connector-plugins", list.Path);
        Assert.Equal("?connectorsOnly=false", list.Query);
    }

    [Fact]
    public void Type_keeps_only_the_types_asked_for()
    {
        RunResult result = Run("Get-UpstashKafkaConnectorPlugin -Connection $kc -Type Sink, Predicate");

        result.AssertNoErrors();
        int expected = KafkaConnectPlugins.All(Emulator.Server.Options).Count(p => p.Type is "sink" or "predicate");
        Assert.Equal(expected, result.Output.Count);
        Assert.Equal(new[] { "Predicate", "Sink" }, result.Output.Select(TypeOf).Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_type_the_module_does_not_know_fails_at_binding_and_sends_nothing()
    {
        RunResult result = Run("Get-UpstashKafkaConnectorPlugin -Connection $kc -Type Connector");

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.StartsWith("CannotConvertArgument", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(Sent);
    }

    [Fact]
    public void Before_Kafka_3_2_only_connectors_come_back_and_asking_for_transformations_warns()
    {
        Emulator.Server.Options.KafkaConnectVersion = "3.1.2";

        RunResult all = Run("Get-UpstashKafkaConnectorPlugin -Connection $kc");
        RunResult transformations = Run("Get-UpstashKafkaConnectorPlugin -Connection $kc -Type Transformation");

        all.AssertNoErrors();
        Assert.NotEmpty(all.Output);
        Assert.Equal(new[] { "Sink", "Source" }, all.Output.Select(TypeOf).Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(all.Warnings);
        transformations.AssertNoErrors();
        Assert.Empty(transformations.Output);
        Assert.Contains(transformations.Warnings, w => w.Contains("Kafka 3.2", StringComparison.Ordinal));
        Assert.Equal(2, Sent.Count);
        Assert.All(Sent, e => Assert.Equal("/connector-plugins", e.Path));
    }

    [Fact]
    public void On_an_Upstash_connection_it_is_refused_and_sends_nothing()
    {
        RunResult result = Session.Run("Get-UpstashKafkaConnectorPlugin");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("GetConnectorPluginNotSupported,Upstash.Kafka.Cmdlets.GetUpstashKafkaConnectorPluginCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("only on Kafka Connect", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Empty(Sent);
    }

    /// <summary>The enum's name, as a script sees it.</summary>
    private static string TypeOf(PSObject plugin) => plugin.Properties["Type"].Value.ToString()!;
}
