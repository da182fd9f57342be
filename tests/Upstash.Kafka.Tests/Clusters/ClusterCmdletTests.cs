using System.Management.Automation;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Clusters;

/// <summary>Get, New and Rename-UpstashKafkaCluster against the emulator, with the journal proving what was sent.</summary>
public sealed class ClusterCmdletTests : EmulatorSessionTest
{
    public ClusterCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private RunResult Run(string script, object? x = null) => Session.Run(script, new Dictionary<string, object?> { ["x"] = x });

    [Fact]
    public void New_creates_a_typed_cluster_whose_password_is_only_in_a_PSCredential()
    {
        RunResult result = Run("New-UpstashKafkaCluster -Name prod -Region us-east-1 -Multizone");

        result.AssertNoErrors();
        dynamic cluster = Assert.Single(result.Output).BaseObject;
        Assert.Equal("Upstash.Kafka.KafkaCluster", result.Output[0].BaseObject.GetType().FullName);
        Assert.Equal("prod", (string)cluster.Name);
        Assert.Equal("us-east-1", (string)cluster.Region);
        Assert.True((bool)cluster.Multizone);
        Assert.Equal(TimeSpan.FromDays(7), (TimeSpan)cluster.MaxRetentionTime);
        Assert.Equal(100, (int)cluster.MaxPartitions);
        PSCredential login = cluster.Credential;
        string stored = Emulator.Server.Store.Clusters().Single(c => c.Name == "prod").Password;
        Assert.Equal(stored, login.GetNetworkCredential().Password);
        Assert.DoesNotContain(result.Output[0].Properties, p => p.Value is string s && s == stored);
        Assert.Contains("\"multizone\":true", Emulator.Server.Journal.Entries.Single(e => e.Method == "POST").Body);
    }

    [Fact]
    public void New_with_WhatIf_sends_nothing_and_a_duplicate_name_is_ResourceExists()
    {
        Run("New-UpstashKafkaCluster -Name prod -Region eu-west-1 -WhatIf").AssertNoErrors();
        Assert.Empty(Emulator.Server.Journal.Entries);

        RunResult again = Run("New-UpstashKafkaCluster -Name demo-cluster -Region eu-west-1");
        ErrorRecord error = Assert.Single(again.Errors);
        Assert.Equal("NewClusterConflict,Upstash.Kafka.Cmdlets.NewUpstashKafkaClusterCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
    }

    [Fact]
    public void A_region_the_server_refuses_is_an_InvalidArgument_error_with_its_words()
    {
        RunResult result = Run("New-UpstashKafkaCluster -Name x -Region mars-north-1");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("invalid region", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lost_create_reply_is_recovered_from_the_list_and_N_creates_leave_N_clusters()
    {
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.DropAfter, Method = "POST", Path = "/v2/kafka/cluster", Count = 2 });

        RunResult result = Run("'a', 'b', 'c' | ForEach-Object { New-UpstashKafkaCluster -Name $_ -Region eu-west-1 }");

        result.AssertNoErrors();
        Assert.Equal(new[] { "a", "b", "c" }, result.Output.Select(o => o.Properties["Name"].Value));
        Assert.Equal(4, Emulator.Server.Store.Clusters().Count);
        Assert.Equal(3, Emulator.Server.Journal.Count("POST", "/v2/kafka/cluster"));
        Assert.Contains(result.Warnings, w => w.Contains("reply was lost", StringComparison.Ordinal));
    }

    [Fact]
    public void Get_by_wildcard_exact_name_and_id()
    {
        Emulator.Server.Store.AddCluster(Guid.NewGuid().ToString(), "prod-eu");
        Emulator.Server.Store.AddCluster(Guid.NewGuid().ToString(), "prod-us");

        Assert.Equal(3, Run("Get-UpstashKafkaCluster").Output.Count);
        Assert.Equal(2, Run("Get-UpstashKafkaCluster 'prod-*'").Output.Count);
        RunResult none = Run("Get-UpstashKafkaCluster 'test-*'");
        none.AssertNoErrors();
        Assert.Empty(none.Output);

        RunResult missing = Run("Get-UpstashKafkaCluster -Name nope");
        ErrorRecord error = Assert.Single(missing.Errors);
        Assert.Equal("ClusterNameNotFound,Upstash.Kafka.Cmdlets.GetUpstashKafkaClusterCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);

        RunResult byId = Run("Get-UpstashKafkaCluster -ClusterId $x", EmulatorOptions.DemoClusterId);
        Assert.Equal("demo-cluster", byId.Output.Single().Properties["Name"].Value);
        ErrorRecord idError = Assert.Single(Run("Get-UpstashKafkaCluster -ClusterId nope").Errors);
        Assert.Equal("GetClusterNotFound,Upstash.Kafka.Cmdlets.GetUpstashKafkaClusterCommand", idError.FullyQualifiedErrorId);
    }

    [Fact]
    public void A_piped_connector_finds_its_cluster_not_a_cluster_named_like_it()
    {
        ConnectorSeed.Add(Emulator.Server, "orders");

        RunResult result = Run("Get-UpstashKafkaConnector -Name orders | Get-UpstashKafkaCluster");

        result.AssertNoErrors();
        Assert.Equal(EmulatorOptions.DemoClusterId, Assert.Single(result.Output).Properties["ClusterId"].Value);
    }

    [Fact]
    public void A_piped_cluster_selects_its_connectors_instead_of_filtering_them_by_its_name()
    {
        string other = Guid.NewGuid().ToString();
        Emulator.Server.Store.AddCluster(other, "other");
        ConnectorSeed.Add(Emulator.Server, "orders");
        ConnectorSeed.Add(Emulator.Server, "payments");
        ConnectorSeed.Add(Emulator.Server, "elsewhere", clusterId: other);

        RunResult result = Run("Get-UpstashKafkaCluster -Name demo-cluster | Get-UpstashKafkaConnector");
        result.AssertNoErrors();
        Assert.Equal(new[] { "orders", "payments" }, result.Output.Select(o => (string)o.Properties["Name"].Value).Order());

        RunResult named = Run("Get-UpstashKafkaCluster | Get-UpstashKafkaConnector -Name 'pay*'");
        named.AssertNoErrors();
        Assert.Equal("payments", Assert.Single(named.Output).Properties["Name"].Value);
    }

    [Fact]
    public void Rename_sends_the_new_name_and_PassThru_writes_the_cluster()
    {
        RunResult quiet = Run("Get-UpstashKafkaCluster demo-cluster | Rename-UpstashKafkaCluster -NewName renamed");
        quiet.AssertNoErrors();
        Assert.Empty(quiet.Output);
        Assert.Equal("renamed", Emulator.Server.Store.FindCluster(EmulatorOptions.DemoClusterId)!.Name);

        RunResult shown = Run("Rename-UpstashKafkaCluster -ClusterId $x -NewName again -PassThru", EmulatorOptions.DemoClusterId);
        Assert.Equal("again", Assert.Single(shown.Output).Properties["Name"].Value);

        Emulator.Server.Journal.Clear();
        Run("Rename-UpstashKafkaCluster -ClusterId $x -NewName never -WhatIf", EmulatorOptions.DemoClusterId).AssertNoErrors();
        Assert.Empty(Emulator.Server.Journal.Entries);
    }

    [Fact]
    public void Rename_is_retried_after_a_passing_failure()
    {
        Emulator.Server.Faults.Add(new FaultRule { Method = "POST", Path = "/v2/kafka/rename-cluster/*", Status = 503, Count = 1 });

        Run("Rename-UpstashKafkaCluster -ClusterId $x -NewName renamed", EmulatorOptions.DemoClusterId).AssertNoErrors();

        Assert.Equal(2, Emulator.Server.Journal.Count("POST", "/v2/kafka/rename-cluster/"));
        Assert.Equal("renamed", Emulator.Server.Store.FindCluster(EmulatorOptions.DemoClusterId)!.Name);
    }
}
