using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;
using static Upstash.Kafka.Tests.Infrastructure.ConnectorSeed;

namespace Upstash.Kafka.Tests.Connectors;

public sealed class GetConnectorTests : EmulatorSessionTest
{
    [Fact]
    public void A_pipeline_that_stops_early_ends_a_long_list_at_once_and_the_session_goes_on()
    {
        // More connectors than the pump lets wait for the pipeline thread, so the reader is held back when the
        // consumer stops; it must give up rather than hang.
        for (int i = 0; i < 3000; i++)
        {
            Emulator.Server.Store.AddConnector($"bulk-{i:d4}", DemoCluster, new System.Text.Json.Nodes.JsonObject { ["connector.class"] = Mongo });
        }

        // Started rather than run, so a hang fails the test instead of stalling the suite.
        using PowerShell stopped = Session.Start(
            $"$n = 0; try {{ Get-UpstashKafkaConnector -ClusterId {DemoCluster} | ForEach-Object {{ $n++; if ($n -eq 5) {{ throw 'enough' }} }} }} catch {{ }}; $n",
            out IAsyncResult running);
        Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "the pipeline hung after its consumer stopped");
        PSObject count = Assert.Single(stopped.EndInvoke(running));
        RunResult again = Session.Run("Get-UpstashKafkaConnector -ClusterId $c -Name 'bulk-0001'", new Dictionary<string, object?> { ["c"] = DemoCluster });

        Assert.Equal(5, count.BaseObject);
        again.AssertNoErrors();
        Assert.Equal("bulk-0001", Assert.Single(again.Output).Properties["Name"].Value);
    }

    [Fact]
    public void Ids_piped_as_strings_are_read_and_a_blank_one_is_refused_before_any_request()
    {
        string first = Add(Emulator.Server, "first");
        string second = Add(Emulator.Server, "second");

        RunResult result = Session.Run("$ids | Get-UpstashKafkaConnector", new Dictionary<string, object?> { ["ids"] = new[] { first, second } });
        RunResult blank = Session.Run("' ' | Get-UpstashKafkaConnector");

        result.AssertNoErrors();
        Assert.Equal(new[] { "first", "second" }, result.Output.Select(o => (string)o.Properties["Name"].Value));
        Assert.Equal("ParameterArgumentValidationError,Upstash.Kafka.Cmdlets.GetUpstashKafkaConnectorCommand", Assert.Single(blank.AllErrors).FullyQualifiedErrorId);
        Assert.Equal(2, Emulator.Server.Journal.Entries.Count);
    }

    private const string OtherCluster = "0b7f9c1e-2d3a-4c5b-8e6f-7a8b9c0d1e2f";

    public GetConnectorTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private RunResult Run(string script, object? value = null) =>
        Session.Run(script, new Dictionary<string, object?> { ["v"] = value, ["c"] = DemoCluster, ["other"] = OtherCluster });

    [Fact]
    public void By_id_writes_the_connector_with_secrets_masked_everywhere()
    {
        string id = Add(Emulator.Server, "orders");

        RunResult result = Run("Get-UpstashKafkaConnector -ConnectorId $v -Verbose -Debug", id);

        result.AssertNoErrors();
        PSObject connector = result.SingleConnector();
        Assert.Equal("orders", connector.Name());
        Assert.Equal("running", connector.State());
        Assert.Equal("RUNNING", connector.Text("ConnectorState"));
        Assert.Equal("********", connector.ConnectorProperties()["connection.uri"]);
        Assert.Equal(Mongo, connector.ConnectorProperties()["connector.class"]);
        Assert.True((bool)connector.Properties["SecretsMasked"].Value);
        Assert.Contains(result.Debug, d => d.StartsWith("Response body: ", StringComparison.Ordinal));
        Assert.DoesNotContain(Password, result.AllText());
    }

    [Fact]
    public void IncludeSecret_and_only_IncludeSecret_returns_the_values_in_clear()
    {
        string id = Add(Emulator.Server, "orders");

        PSObject clear = Run("Get-UpstashKafkaConnector -ConnectorId $v -IncludeSecret", id).SingleConnector();
        PSObject listed = Run("Get-UpstashKafkaConnector -ClusterId $c").SingleConnector();

        Assert.Equal(MongoUri, clear.ConnectorProperties()["connection.uri"]);
        Assert.False((bool)clear.Properties["SecretsMasked"].Value);
        Assert.Equal("********", listed.ConnectorProperties()["connection.uri"]);
    }

    [Fact]
    public void A_failure_message_that_quotes_a_secret_is_masked()
    {
        string id = Add(Emulator.Server, "orders");
        Emulator.Server.Store.ForceState(id, "failed", "Cannot connect to " + MongoUri);

        PSObject connector = Run("Get-UpstashKafkaConnector -ConnectorId $v", id).SingleConnector();

        Assert.Equal("Cannot connect to ********", connector.Text("StateErrorMessage"));
        Assert.DoesNotContain(Password, PSObject.AsPSObject(((Array)connector.Properties["Tasks"].Value).GetValue(0)!).Text("Trace"));
    }

    [Fact]
    public void An_unknown_id_is_an_ObjectNotFound_error_and_the_next_id_is_still_read()
    {
        string id = Add(Emulator.Server, "orders");

        RunResult result = Run("Get-UpstashKafkaConnector -ConnectorId 'no-such-id', $v", id);

        Assert.Equal("orders", result.SingleConnector().Name());
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("GetConnectorNotFound,Upstash.Kafka.Cmdlets.GetUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("no-such-id", error.TargetObject);
        Assert.Contains("connector not found", error.Exception.Message);
    }

    [Fact]
    public void ClusterId_lists_that_cluster_only()
    {
        Emulator.Server.Store.AddCluster(OtherCluster, "other");
        Add(Emulator.Server, "orders");
        Add(Emulator.Server, "elsewhere", clusterId: OtherCluster);

        RunResult result = Run("Get-UpstashKafkaConnector -ClusterId $other");

        result.AssertNoErrors();
        Assert.Equal(new[] { "elsewhere" }, result.Names());
        Assert.Equal(new[] { "/v2/kafka/connectors/" + OtherCluster }, Emulator.Server.Journal.Entries.Select(e => e.Path));
    }

    [Fact]
    public void No_parameters_lists_every_connector_of_every_cluster()
    {
        Emulator.Server.Store.AddCluster(OtherCluster, "other");
        Add(Emulator.Server, "orders");
        Add(Emulator.Server, "refunds");
        Add(Emulator.Server, "elsewhere", clusterId: OtherCluster);

        RunResult result = Run("Get-UpstashKafkaConnector");

        result.AssertNoErrors();
        Assert.Equal(new[] { "elsewhere", "orders", "refunds" }, result.Names().Order());
        Assert.Equal("/v2/kafka/clusters", Emulator.Server.Journal.Entries[0].Path);
        Assert.Equal(2, Emulator.Server.Journal.Count("GET", "/v2/kafka/connectors/"));
        Assert.DoesNotContain(Password, result.AllText());
    }

    [Fact]
    public void A_wildcard_name_filters_within_the_cluster_ignoring_case()
    {
        Add(Emulator.Server, "orders-eu");
        Add(Emulator.Server, "Orders-us");
        Add(Emulator.Server, "refunds");

        RunResult result = Run("Get-UpstashKafkaConnector -Name 'orders-*' -ClusterId $c");

        result.AssertNoErrors();
        Assert.Equal(new[] { "Orders-us", "orders-eu" }, result.Names().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_wildcard_that_matches_nothing_writes_nothing_and_no_error()
    {
        Add(Emulator.Server, "orders");

        RunResult result = Run("Get-UpstashKafkaConnector -Name 'payments-*' -ClusterId $c");

        result.AssertNoErrors();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void An_exact_name_that_matches_nothing_is_an_ObjectNotFound_error_while_others_are_found()
    {
        Add(Emulator.Server, "orders");

        RunResult result = Run("Get-UpstashKafkaConnector -Name 'ORDERS', 'payments' -ClusterId $c");

        Assert.Equal("orders", result.SingleConnector().Name());
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ConnectorNameNotFound,Upstash.Kafka.Cmdlets.GetUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("payments", error.TargetObject);
        Assert.Contains(DemoCluster, error.Exception.Message);
    }

    [Fact]
    public void A_name_without_a_cluster_searches_every_cluster()
    {
        Emulator.Server.Store.AddCluster(OtherCluster, "other");
        Add(Emulator.Server, "orders");
        Add(Emulator.Server, "orders", clusterId: OtherCluster);

        RunResult result = Run("Get-UpstashKafkaConnector orders");

        result.AssertNoErrors();
        Assert.Equal(new[] { DemoCluster, OtherCluster }.Order(), result.Output.Select(c => c.Text("ClusterId")).Order());
    }

    [Fact]
    public void An_unknown_cluster_is_an_ObjectNotFound_error()
    {
        RunResult result = Run("Get-UpstashKafkaConnector -ClusterId 'no-such-cluster' -Name orders");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ListConnectorsNotFound,Upstash.Kafka.Cmdlets.GetUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void Takes_ids_and_clusters_from_the_pipeline_by_property_name()
    {
        string id = Add(Emulator.Server, "orders");
        Emulator.Server.Store.AddCluster(OtherCluster, "other");
        Add(Emulator.Server, "elsewhere", clusterId: OtherCluster);

        RunResult byId = Run("[pscustomobject]@{ ConnectorId = $v } | Get-UpstashKafkaConnector", id);
        RunResult byCluster = Run("[pscustomobject]@{ ClusterId = $other } | Get-UpstashKafkaConnector");

        Assert.Equal("orders", byId.SingleConnector().Name());
        Assert.Equal("elsewhere", byCluster.SingleConnector().Name());
    }

    [Fact]
    public void Only_ever_sends_reads()
    {
        Add(Emulator.Server, "orders");

        Run("Get-UpstashKafkaConnector").AssertNoErrors();

        Assert.NotEmpty(Emulator.Server.Journal.Entries);
        Assert.All(Emulator.Server.Journal.Entries, e => Assert.Equal("GET", e.Method));
    }
}
