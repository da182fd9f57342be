using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.KafkaConnect;

/// <summary>
/// Get-, Set- and Reset-UpstashKafkaConnectorOffset against the emulator, which commits kafka_offset 0 on partition 0
/// of each topic when a sink starts running: what each sends (the journal), what the emulator then holds, and the
/// checks made before anything changes (version, stopped, the kind of server).
/// </summary>
public sealed class ConnectorOffsetTests : KafkaConnectSessionTest
{
    private const string TypeName = "Upstash.Kafka.KafkaConnectorOffset";

    public ConnectorOffsetTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Get_writes_one_typed_object_per_partition_of_a_sink_that_ran()
    {
        SeedSink("read-sink");

        RunResult result = Run("Get-UpstashKafkaConnectorOffset -Connection $kc -Name read-sink");

        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal(TypeName, o.BaseObject.GetType().FullName));
        Assert.All(result.Output, o => Assert.Equal("read-sink", o.Text("ConnectorName")));
        Assert.Equal(new[] { "orders", "refunds" }, result.Output.Select(o => Partition(o)["kafka_topic"]).Cast<string>().Order(StringComparer.Ordinal));
        IDictionary first = Partition(result.Output[0]);
        Assert.Equal(new[] { "kafka_topic", "kafka_partition" }, first.Keys.Cast<string>());
        Assert.Equal(0, Assert.IsType<int>(first["kafka_partition"]));
        Assert.Equal(0, Assert.IsType<int>(Offset(result.Output[0])!["kafka_offset"]));
        Assert.StartsWith("KafkaConnect ", result.Output[0].Properties["Connection"].Value.ToString(), StringComparison.Ordinal);
        Assert.Equal(new[] { "GET /", "GET /connectors/read-sink/offsets" }, Sent.Select(e => e.Method + " " + e.Path));
    }

    [Fact]
    public void Get_reads_the_names_of_piped_connectors_on_their_own_connection()
    {
        SeedSink("piped-sink");

        // The session's default is the Upstash API: only the piped connector's Connection can send this to Kafka Connect.
        RunResult result = Run("Get-UpstashKafkaConnector -Connection $kc -Name piped-sink | Get-UpstashKafkaConnectorOffset");

        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);
        Assert.Contains(Sent, e => e.Path == "/connectors/piped-sink/offsets");
        Assert.Empty(SentToUpstash);
    }

    [Fact]
    public void Get_of_an_unknown_connector_is_ObjectNotFound_and_the_next_name_goes_on()
    {
        SeedSink("known-sink");

        RunResult result = Run("Get-UpstashKafkaConnectorOffset -Connection $kc -Name ghost, known-sink");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("GetConnectorOffsetNotFound,Upstash.Kafka.Cmdlets.GetUpstashKafkaConnectorOffsetCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("ghost", error.TargetObject);
        Assert.Equal(2, result.Output.Count);
    }

    [Fact]
    public void Get_on_a_server_before_3_5_names_the_version_needed_and_sends_only_GET_root()
    {
        SeedSink("old-read");
        Emulator.Server.Options.KafkaConnectVersion = "3.4.1";

        RunResult result = Run("Get-UpstashKafkaConnectorOffset -Connection $kc -Name old-read");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("GetConnectorOffsetNotSupported,Upstash.Kafka.Cmdlets.GetUpstashKafkaConnectorOffsetCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("Kafka 3.5 or later", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("3.4.1", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("GET /", Assert.Single(Sent).Method + " " + Assert.Single(Sent).Path);
    }

    [Fact]
    public void Set_on_a_running_connector_is_ConnectorNotStopped_and_sends_no_PATCH()
    {
        SeedSink("running-sink");

        RunResult result = Run("Set-UpstashKafkaConnectorOffset -Connection $kc -Name running-sink -Offset " + OrdersTo(42));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ConnectorNotStopped,Upstash.Kafka.Cmdlets.SetUpstashKafkaConnectorOffsetCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("it is RUNNING with 1 task", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Stop-UpstashKafkaConnector 'running-sink' -Wait", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Writes);
        Assert.Contains(Sent, e => e.Path == "/connectors/running-sink/status");
        Assert.Equal("{\"kafka_offset\":0}", HeldOffset("running-sink", "orders"));
    }

    [Fact]
    public void Set_while_the_tasks_of_a_stopped_connector_still_run_says_so_and_sends_nothing()
    {
        SeedSink("stopping-sink");
        Assert.True(Store.Force("stopping-sink", "STOPPED", new[] { "RUNNING", "RUNNING" }, null));

        RunResult result = Run("Reset-UpstashKafkaConnectorOffset -Connection $kc -Name stopping-sink -Force");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ConnectorNotStopped,Upstash.Kafka.Cmdlets.ResetUpstashKafkaConnectorOffsetCommand", error.FullyQualifiedErrorId);
        Assert.Contains("it is STOPPED, but its 2 tasks have not shut down yet", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Writes);
    }

    [Fact]
    public void After_Stop_Wait_Set_sends_one_PATCH_with_the_offsets_and_PassThru_reads_them_back()
    {
        SeedSink("rewound-sink");

        RunResult result = Run(
            "Stop-UpstashKafkaConnector -Connection $kc rewound-sink -Wait | Out-Null\n" +
            "Set-UpstashKafkaConnectorOffset -Connection $kc -Name rewound-sink -PassThru -Offset " + OrdersTo(42));

        result.AssertNoErrors();
        var patch = Assert.Single(Writes, e => e.Method == "PATCH");
        Assert.Equal("/connectors/rewound-sink/offsets", patch.Path);
        JsonObject body = JsonNode.Parse(patch.Body)!.AsObject();
        Assert.Equal(new[] { "offsets" }, body.Select(p => p.Key));
        JsonNode entry = Assert.Single(body["offsets"]!.AsArray())!;
        Assert.Equal("orders", entry["partition"]!["kafka_topic"]!.GetValue<string>());
        Assert.Equal(0, entry["partition"]!["kafka_partition"]!.GetValue<int>());
        Assert.Equal(42, entry["offset"]!["kafka_offset"]!.GetValue<long>());
        Assert.Equal("{\"kafka_offset\":42}", HeldOffset("rewound-sink", "orders"));
        Assert.Equal("{\"kafka_offset\":0}", HeldOffset("rewound-sink", "refunds"));
        PSObject orders = Assert.Single(result.Output, o => (string)Partition(o)["kafka_topic"]! == "orders");
        Assert.Equal(42, Offset(orders)!["kafka_offset"]);
        Assert.Equal(2, result.Output.Count);
    }

    [Fact]
    public void Get_edit_and_Set_round_trips_through_the_objects_connection_with_one_PATCH_per_connector()
    {
        SeedSink("edited-sink");
        Store.Stop("edited-sink");
        Store.SettleAll();
        Emulator.Server.Journal.Clear();

        // No -Connection on Set: each piped offset goes back where it was read (the session's default is Upstash).
        RunResult result = Run(
            "$offsets = Get-UpstashKafkaConnectorOffset -Connection $kc -Name edited-sink\n" +
            "($offsets | Where-Object { $_.Partition.kafka_topic -eq 'orders' }).Offset.kafka_offset = 7\n" +
            "($offsets | Where-Object { $_.Partition.kafka_topic -eq 'refunds' }).Offset = $null\n" +
            "$offsets | Set-UpstashKafkaConnectorOffset");

        result.AssertNoErrors();
        Assert.Empty(SentToUpstash);
        var patch = Assert.Single(Writes);
        Assert.Equal("PATCH", patch.Method);
        JsonArray entries = JsonNode.Parse(patch.Body)!["offsets"]!.AsArray();
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries, e => e!["offset"] is null && e["partition"]!["kafka_topic"]!.GetValue<string>() == "refunds");
        Assert.Equal("{\"kafka_offset\":7}", HeldOffset("edited-sink", "orders"));
        Assert.Null(HeldOffset("edited-sink", "refunds"));
    }

    [Fact]
    public void Set_of_piped_offsets_of_two_connectors_sends_one_PATCH_each_after_the_last_object()
    {
        SeedSink("first-sink");
        SeedSink("second-sink");
        Store.Stop("first-sink");
        Store.Stop("second-sink");
        Store.SettleAll();
        Emulator.Server.Journal.Clear();

        RunResult result = Run("Get-UpstashKafkaConnectorOffset -Connection $kc -Name first-sink, second-sink | Set-UpstashKafkaConnectorOffset -Verbose");

        result.AssertNoErrors();
        Assert.Equal(new[] { "/connectors/first-sink/offsets", "/connectors/second-sink/offsets" }, Writes.Select(e => e.Path));
        Assert.All(Writes, e => Assert.Equal(2, JsonNode.Parse(e.Body)!["offsets"]!.AsArray().Count));
        // Collected first: every read happened before the first change was sent.
        Assert.True(Sent.ToList().FindLastIndex(e => e.Path.EndsWith("/offsets", StringComparison.Ordinal) && e.Method == "GET")
            < Sent.ToList().FindIndex(e => e.Method == "PATCH"));
        Assert.Contains(result.Verbose, v => v.Contains("altered successfully", StringComparison.Ordinal));
    }

    [Fact]
    public void Set_maps_the_servers_400_to_InvalidArgument_with_its_text()
    {
        SeedSink("strict-sink");
        Store.Stop("strict-sink");
        Store.SettleAll();

        RunResult result = Run("Set-UpstashKafkaConnectorOffset -Connection $kc -Name strict-sink -Offset @{ partition = @{ kafka_topic = 'orders' }; offset = @{ kafka_offset = 1 } }");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("SetConnectorOffsetBadRequest,Upstash.Kafka.Cmdlets.SetUpstashKafkaConnectorOffsetCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("must contain the keys 'kafka_topic' and 'kafka_partition'", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("{\"kafka_offset\":0}", HeldOffset("strict-sink", "orders"));
    }

    [Theory]
    [InlineData("@{ partition = @{ kafka_topic = 'orders'; kafka_partition = 0 } }", "has no 'offset'")]
    [InlineData("@{ offset = @{ kafka_offset = 1 } }", "has no 'partition'")]
    [InlineData("@{ partition = @{ kafka_topic = 'orders'; kafka_partition = 0 }; offset = @{ kafka_offset = 1 }; ofset = 2 }", "the key 'ofset'")]
    [InlineData("@{ partition = 'orders-0'; offset = $null }", "must be a hashtable")]
    [InlineData("@{ partition = @{ kafka_topic = 'orders'; kafka_partition = 0 }; offset = @{ at = [datetime]::UtcNow } }", "which JSON cannot carry")]
    public void Set_refuses_an_offset_it_cannot_send_before_sending_anything(string offset, string message)
    {
        SeedSink("checked-sink");

        RunResult result = Run("Set-UpstashKafkaConnectorOffset -Connection $kc -Name checked-sink -Offset " + offset);

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.Equal("InvalidOffset,Upstash.Kafka.Cmdlets.SetUpstashKafkaConnectorOffsetCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Sent);
    }

    [Fact]
    public void Set_WhatIf_names_the_change_and_sends_nothing()
    {
        SeedSink("whatif-sink");

        RunResult result = Run("Set-UpstashKafkaConnectorOffset -Connection $kc -Name whatif-sink -WhatIf -Offset " + OrdersTo(9));

        result.AssertNoErrors();
        Assert.Contains("{kafka_offset=9}", result.HostOutput, StringComparison.Ordinal);
        Assert.Contains("connector 'whatif-sink'", result.HostOutput, StringComparison.Ordinal);
        Assert.Empty(Sent);
    }

    [Fact]
    public void Reset_WhatIf_sends_nothing_and_Force_sends_one_DELETE_after_reading_the_status()
    {
        SeedSink("reset-sink");
        RunResult stop = Run("Stop-UpstashKafkaConnector -Connection $kc -ConnectorId reset-sink -Wait");
        stop.AssertNoErrors();
        Emulator.Server.Journal.Clear();

        RunResult whatIf = Run("Reset-UpstashKafkaConnectorOffset -Connection $kc -Name reset-sink -WhatIf");
        whatIf.AssertNoErrors();
        Assert.Empty(Sent);
        Assert.NotNull(HeldOffset("reset-sink", "orders"));

        RunResult forced = Run("Reset-UpstashKafkaConnectorOffset -Connection $kc -Name reset-sink -Force");

        forced.AssertNoErrors();
        var delete = Assert.Single(Writes);
        Assert.Equal("DELETE /connectors/reset-sink/offsets", delete.Method + " " + delete.Path);
        Assert.True(Sent.ToList().FindIndex(e => e.Path == "/connectors/reset-sink/status") < Sent.ToList().IndexOf(delete));
        Assert.Equal("0", Store.With("reset-sink", c => c.Offsets.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("Set-UpstashKafkaConnectorOffset -Connection $kc -Name old-change -Offset @{ partition = @{ kafka_topic = 'orders'; kafka_partition = 0 }; offset = $null }", "SetConnectorOffsetNotSupported")]
    [InlineData("Reset-UpstashKafkaConnectorOffset -Connection $kc -Name old-change -Force", "ResetConnectorOffsetNotSupported")]
    public void Changes_on_a_server_before_3_6_name_the_version_needed_and_send_only_GET_root(string script, string errorId)
    {
        SeedSink("old-change");
        Store.Stop("old-change");
        Store.SettleAll();
        Emulator.Server.Journal.Clear();
        Emulator.Server.Options.KafkaConnectVersion = "3.5.2";

        RunResult result = Run(script);

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("Kafka 3.6 or later", error.ToString(), StringComparison.Ordinal);
        var only = Assert.Single(Sent);
        Assert.Equal("GET /", only.Method + " " + only.Path);
    }

    [Theory]
    [InlineData("Get-UpstashKafkaConnectorOffset -Name some-connector", "GetConnectorOffsetNotSupported,Upstash.Kafka.Cmdlets.GetUpstashKafkaConnectorOffsetCommand")]
    [InlineData("Set-UpstashKafkaConnectorOffset -Name some-connector -Offset @{ partition = @{ kafka_topic = 'orders'; kafka_partition = 0 }; offset = $null }", "SetConnectorOffsetNotSupported,Upstash.Kafka.Cmdlets.SetUpstashKafkaConnectorOffsetCommand")]
    [InlineData("Reset-UpstashKafkaConnectorOffset -Name some-connector -Force", "ResetConnectorOffsetNotSupported,Upstash.Kafka.Cmdlets.ResetUpstashKafkaConnectorOffsetCommand")]
    public void On_an_Upstash_connection_each_is_refused_and_sends_nothing(string script, string errorId)
    {
        RunResult result = Session.Run(script);

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(errorId, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("only on Kafka Connect", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Sent);
    }

    /// <summary>A JDBC sink reading two topics, running, so the emulator has committed offset 0 on partition 0 of each.</summary>
    private void SeedSink(string name) =>
        Seed(name, config: new JsonObject
        {
            ["connector.class"] = JdbcSink,
            ["topics"] = "orders,refunds",
            ["connection.url"] = "jdbc:postgresql://db:5432/shop",
            ["tasks.max"] = "1",
        });

    private static string OrdersTo(long offset) =>
        "@{ partition = @{ kafka_topic = 'orders'; kafka_partition = 0 }; offset = @{ kafka_offset = " + offset + " } }";

    /// <summary>The offset the emulator holds for partition 0 of a topic, as JSON; null when it holds none.</summary>
    private string? HeldOffset(string connector, string topic) =>
        Store.With(connector, c => c.Offsets.FirstOrDefault(o => o.Partition["kafka_topic"]!.GetValue<string>() == topic)?.Offset.ToJsonString());

    private static IDictionary Partition(PSObject offset) => (IDictionary)offset.Properties["Partition"].Value;

    private static IDictionary? Offset(PSObject offset) => (IDictionary?)offset.Properties["Offset"].Value;
}
