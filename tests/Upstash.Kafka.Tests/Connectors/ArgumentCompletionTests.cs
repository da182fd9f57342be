using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;
using static Upstash.Kafka.Tests.Infrastructure.ConnectorSeed;

namespace Upstash.Kafka.Tests.Connectors;

/// <summary>Tab completion of -ClusterId, -ConnectorId and -Name from the API, through PowerShell's own TabExpansion2.</summary>
public sealed class ArgumentCompletionTests : EmulatorSessionTest
{
    private const string OtherCluster = "5d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";

    public ArgumentCompletionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private List<CompletionResult> Complete(string line)
    {
        RunResult result = Session.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches", new Dictionary<string, object?> { ["line"] = line });
        result.AssertNoErrors();
        return result.Output.Select(o => (CompletionResult)o.BaseObject).ToList();
    }

    [Fact]
    public void ConnectorId_completes_from_a_typed_name_to_the_id()
    {
        string id = Add(Emulator.Server, "orders");
        Add(Emulator.Server, "refunds");

        CompletionResult match = Assert.Single(Complete("Suspend-UpstashKafkaConnector -ConnectorId ord"));

        Assert.Equal(id, match.CompletionText);
        Assert.Equal($"orders ({id})", match.ListItemText);
        Assert.DoesNotContain(Password, match.ToolTip);
    }

    [Fact]
    public void Name_completes_within_the_cluster_on_the_command_line()
    {
        Emulator.Server.Store.AddCluster(OtherCluster, "other");
        Add(Emulator.Server, "orders-eu");
        Add(Emulator.Server, "orders-us", clusterId: OtherCluster);

        List<CompletionResult> inDemo = Complete($"Get-UpstashKafkaConnector -ClusterId {DemoCluster} -Name ord");
        List<CompletionResult> everywhere = Complete("Get-UpstashKafkaConnector -Name ord");

        Assert.Equal(new[] { "orders-eu" }, inDemo.Select(c => c.CompletionText));
        Assert.Equal(new[] { "orders-eu", "orders-us" }, everywhere.Select(c => c.CompletionText));
    }

    [Fact]
    public void ClusterId_completes_from_the_start_of_a_cluster_name()
    {
        CompletionResult match = Assert.Single(Complete("New-UpstashKafkaConnector -ClusterId demo"));

        Assert.Equal(DemoCluster, match.CompletionText);
    }

    [Fact]
    public void Without_a_credential_it_completes_nothing_and_never_prompts()
    {
        using var bare = new ModuleSession();

        RunResult result = bare.Run("$line = 'Get-UpstashKafkaConnector -ClusterId '; (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches");

        result.AssertNoErrors();
        Assert.Empty(bare.Host.Prompts);
        Assert.DoesNotContain(result.Output, o => o.BaseObject is CompletionResult c && c.CompletionText == DemoCluster);
    }
}
