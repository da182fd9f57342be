using System.Management.Automation;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Clusters;

/// <summary>Remove-UpstashKafkaCluster and Reset-UpstashKafkaClusterPassword: they ask first, say what is lost, and -WhatIf sends nothing.</summary>
public sealed class DestructiveClusterTests : EmulatorSessionTest
{
    private const int Yes = 0;
    private const int No = 2;
    private static readonly string Demo = EmulatorOptions.DemoClusterId;

    public DestructiveClusterTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private void AddTopic(string name) => Emulator.Server.Store.AddTopic(name, Demo, 1, 604800000, 1073741824, 1048576, "delete");

    private RunResult Run(string script) => Session.Run(script, new Dictionary<string, object?> { ["id"] = Demo });

    [Fact]
    public void Remove_prompt_names_the_cluster_and_counts_what_goes_with_it_and_a_no_deletes_nothing()
    {
        ConnectorSeed.Add(Emulator.Server, "orders");
        AddTopic("orders");
        AddTopic("payments");
        Emulator.Server.Store.AddCredential("app", Demo, "orders", "ALL");
        Emulator.Server.Store.AddCredential("reader", Demo, "*", "CONSUME");
        Session.Host.ChoiceAnswers.Enqueue(No);

        RunResult result = Run("Remove-UpstashKafkaCluster -ClusterId $id");

        result.AssertNoErrors();
        string prompt = Assert.Single(Session.Host.Prompts);
        Assert.Contains($"cluster 'demo-cluster' ({Demo})", prompt, StringComparison.Ordinal);
        Assert.Contains("2 topics, 2 credentials and 1 connector", prompt, StringComparison.Ordinal);
        Assert.Equal(0, Emulator.Server.Journal.Count("DELETE", "/"));
        Assert.NotNull(Emulator.Server.Store.FindCluster(Demo));
    }

    [Fact]
    public void Remove_with_a_yes_deletes_the_cluster_with_its_topics_credentials_and_connectors()
    {
        string connector = ConnectorSeed.Add(Emulator.Server, "orders");
        AddTopic("orders");
        Emulator.Server.Store.AddCredential("app", Demo, "orders", "ALL");
        Session.Host.ChoiceAnswers.Enqueue(Yes);

        Run("Get-UpstashKafkaCluster demo-cluster | Remove-UpstashKafkaCluster").AssertNoErrors();

        Assert.Null(Emulator.Server.Store.FindCluster(Demo));
        Assert.Empty(Emulator.Server.Store.Credentials());
        Assert.Equal(0, Emulator.Server.Store.TopicCount(Demo));
        Assert.Equal("(gone)", ConnectorSeed.StateOf(Emulator.Server, connector));
        Assert.Equal(1, Emulator.Server.Journal.Count("DELETE", "/v2/kafka/cluster/"));
    }

    [Fact]
    public void Remove_Force_asks_nothing_reads_nothing_and_WhatIf_wins_over_Force()
    {
        Run("Remove-UpstashKafkaCluster -ClusterId $id -Force -WhatIf").AssertNoErrors();
        Assert.Empty(Emulator.Server.Journal.Entries);

        Run("Remove-UpstashKafkaCluster -ClusterId $id -Force").AssertNoErrors();
        Assert.Empty(Session.Host.Prompts);
        Assert.Equal(new[] { "DELETE" }, Emulator.Server.Journal.Entries.Select(e => e.Method));

        ErrorRecord error = Assert.Single(Run("Remove-UpstashKafkaCluster -ClusterId $id -Force").Errors);
        Assert.Equal("RemoveClusterNotFound,Upstash.Kafka.Cmdlets.RemoveUpstashKafkaClusterCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(Demo, error.TargetObject);
    }

    [Fact]
    public void Reset_password_warns_that_clients_break_and_writes_the_new_credential()
    {
        string before = Emulator.Server.Store.FindCluster(Demo)!.Password;
        Session.Host.ChoiceAnswers.Enqueue(Yes);

        RunResult result = Run("Reset-UpstashKafkaClusterPassword -ClusterId $id");

        result.AssertNoErrors();
        Assert.Contains(Session.Host.Prompts, p => p.Contains("stops working", StringComparison.Ordinal));
        string after = Emulator.Server.Store.FindCluster(Demo)!.Password;
        Assert.NotEqual(before, after);
        var login = (PSCredential)Assert.Single(result.Output).Properties["Credential"].Value;
        Assert.Equal(after, login.GetNetworkCredential().Password);
        Assert.DoesNotContain(after, result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reset_password_with_a_no_or_WhatIf_changes_nothing()
    {
        string before = Emulator.Server.Store.FindCluster(Demo)!.Password;
        Session.Host.ChoiceAnswers.Enqueue(No);

        Run("Reset-UpstashKafkaClusterPassword -ClusterId $id").AssertNoErrors();
        Run("Reset-UpstashKafkaClusterPassword -ClusterId $id -Force -WhatIf").AssertNoErrors();

        Assert.Equal(before, Emulator.Server.Store.FindCluster(Demo)!.Password);
        Assert.Empty(Emulator.Server.Journal.Entries);
    }
}
