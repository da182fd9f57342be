using System.Management.Automation;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.ConnectorsAsCode;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.KafkaConnect;

/// <summary>
/// Connectors as code across two servers: a folder exported from Upstash syncs to Kafka Connect as it is, compares
/// Unchanged afterwards (secrets included, once the variables the export named are set), and a second sync sends no write.
/// </summary>
public sealed class KafkaConnectAsCodeTests : KafkaConnectSessionTest, IDisposable
{
    private const string MongoSecret = "mongodb://app:AsCode-Secret-9@db.example:27017";
    private readonly ConnectorFolder folder = new();
    private readonly TestVariables variables = new();

    public KafkaConnectAsCodeTests(EmulatorFixture emulator)
        : base(emulator)
    {
        ConnectorSeed.Add(Emulator.Server, "orders-source", properties: new JsonObject { ["connector.class"] = ConnectorSeed.Mongo, ["connection.uri"] = MongoSecret, ["tasks.max"] = 2 });
        ConnectorSeed.Add(Emulator.Server, "held-source", "paused", properties: new JsonObject { ["connector.class"] = ConnectorSeed.Mongo, ["connection.uri"] = MongoSecret });
    }

    private RunResult RunIn(string script) => Run(script.Replace("$p", "'" + folder.Path.Replace("'", "''", StringComparison.Ordinal) + "'", StringComparison.Ordinal));

    [Fact]
    public void An_Upstash_export_syncs_to_Kafka_Connect_as_is_and_then_compares_Unchanged()
    {
        RunResult export = Session.Run("Export-UpstashKafkaConnector -ClusterId $a -Path $p", new Dictionary<string, object?> { ["a"] = EmulatorOptions.DemoClusterId, ["p"] = folder.Path });
        export.AssertNoErrors();
        variables.SetExact("UPSTASH_ORDERS_SOURCE_CONNECTION_URI", MongoSecret);
        variables.SetExact("UPSTASH_HELD_SOURCE_CONNECTION_URI", MongoSecret);
        Emulator.Server.Journal.Clear();

        RunResult sync = RunIn("Sync-UpstashKafkaConnector -Connection $kc -Path $p");

        sync.AssertNoErrors();
        Assert.All(sync.Output, o => Assert.Equal("Created", o.Properties["Outcome"].Value.ToString()));
        Assert.Empty(SentToUpstash);

        Assert.Equal(2, Sent.Count(e => e.Method == "POST" && e.Path == "/connectors"));
        Assert.Equal(MongoSecret, Store.With("orders-source", c => c.Text("connection.uri")));
        Store.SettleAll();
        Assert.Equal("PAUSED", StateOf("held-source"));
        Assert.DoesNotContain("AsCode-Secret", sync.AllText(), StringComparison.Ordinal);

        Emulator.Server.Journal.Clear();
        RunResult compare = RunIn("Compare-UpstashKafkaConnector -Connection $kc -Path $p");
        compare.AssertNoErrors();
        Assert.All(compare.Output, o => Assert.Equal("Unchanged", o.Properties["Action"].Value.ToString()));

        RunResult again = RunIn("Sync-UpstashKafkaConnector -Connection $kc -Path $p");
        again.AssertNoErrors();
        Assert.All(again.Output, o => Assert.Equal("Unchanged", o.Properties["Outcome"].Value.ToString()));
        Assert.Empty(Writes);
    }

    [Fact]
    public void Sync_to_Kafka_Connect_converges_through_rebalance_409s_and_a_lost_create_reply()
    {
        Session.Run("Export-UpstashKafkaConnector -ClusterId $a -Path $p", new Dictionary<string, object?> { ["a"] = EmulatorOptions.DemoClusterId, ["p"] = folder.Path })
            .AssertNoErrors();
        variables.SetExact("UPSTASH_ORDERS_SOURCE_CONNECTION_URI", MongoSecret);
        variables.SetExact("UPSTASH_HELD_SOURCE_CONNECTION_URI", MongoSecret);
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, Method = "POST", Path = "/connectors", Status = 409, Count = 1, Body = "Cannot complete request momentarily due to no known leader URL, likely because a rebalance was underway." });
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.DropAfter, Method = "POST", Path = "/connectors", Count = 1 });

        RunResult sync = RunIn("Sync-UpstashKafkaConnector -Connection $kc -Path $p -ThrottleLimit 1");

        sync.AssertNoErrors();
        Assert.Equal(2, sync.Output.Count);
        Assert.Equal(new[] { "held-source", "orders-source" }, Store.Names().Order());
    }

    [Fact]
    public void Kafka_Connect_connectors_export_with_secrets_as_references()
    {
        Seed("jdbc-out");

        RunResult export = RunIn("Get-UpstashKafkaConnector -Connection $kc | Export-UpstashKafkaConnector -Path $p");

        export.AssertNoErrors();
        string text = File.ReadAllText(Path.Combine(folder.Path, "jdbc-out.json"));
        Assert.Contains("${env:UPSTASH_JDBC_OUT_CONNECTION_PASSWORD}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_asking_for_STOPPED_is_created_stopped_on_Kafka_Connect_and_refused_on_Upstash()
    {
        folder.Json("born-stopped", new Dictionary<string, string> { ["connector.class"] = JdbcSink, ["topics"] = "orders", ["connection.url"] = "jdbc:postgresql://db/shop", ["connection.user"] = "app", ["connection.password"] = "plain-in-a-test" }, "STOPPED");

        RunResult sync = RunIn("Sync-UpstashKafkaConnector -Connection $kc -Path $p");

        sync.AssertNoErrors();
        Assert.Equal("STOPPED", JsonNode.Parse(Assert.Single(Sent, e => e.Method == "POST" && e.Path == "/connectors").Body)!["initial_state"]!.GetValue<string>());
        Store.SettleAll();
        Assert.Equal("STOPPED", StateOf("born-stopped"));

        // -Wait waits for the state the file asked for, not for "running".
        RunIn("Remove-UpstashKafkaConnector -Connection $kc -ConnectorId born-stopped -Force").AssertNoErrors();
        RunResult waited = RunIn("Sync-UpstashKafkaConnector -Connection $kc -Path $p -Wait -Timeout 10");
        waited.AssertNoErrors();
        Assert.Equal("STOPPED", PSObject.AsPSObject(Assert.Single(waited.Output).Properties["Connector"].Value).Properties["ConnectorState"].Value);
        Assert.Equal("Stop", Assert.Single(sync.Output).Properties["StateChange"].Value.ToString());

        Emulator.Server.Journal.Clear();
        RunResult upstash = Session.Run("Sync-UpstashKafkaConnector -Path $p -ClusterId $c", new Dictionary<string, object?> { ["p"] = folder.Path, ["c"] = EmulatorOptions.DemoClusterId });
        Assert.Contains(upstash.Errors, e => e.FullyQualifiedErrorId.StartsWith("StoppedNotOnUpstash,", StringComparison.Ordinal));
        Assert.DoesNotContain(Sent, e => e.Method == "POST");
    }

    [Fact]
    public void KeepReferences_sends_references_as_written_and_compares_them_as_text()
    {
        folder.Json("referenced", new Dictionary<string, string>
        {
            ["connector.class"] = JdbcSink,
            ["topics"] = "orders",
            ["connection.url"] = "jdbc:postgresql://db/shop",
            ["connection.password"] = "${file:/etc/kafka/db.properties:password}",
            ["connection.user"] = "${env:DB_USER_NOT_SET_HERE}",
        });

        RunResult sync = RunIn("Sync-UpstashKafkaConnector -Connection $kc -Path $p -KeepReferences");

        sync.AssertNoErrors();
        Assert.Equal("${file:/etc/kafka/db.properties:password}", Store.With("referenced", c => c.Text("connection.password")));
        Assert.Equal("${env:DB_USER_NOT_SET_HERE}", Store.With("referenced", c => c.Text("connection.user")));

        Emulator.Server.Journal.Clear();
        RunResult compare = RunIn("Compare-UpstashKafkaConnector -Connection $kc -Path $p -KeepReferences");
        compare.AssertNoErrors();
        Assert.Equal("Unchanged", Assert.Single(compare.Output).Properties["Action"].Value.ToString());

        RunResult withoutIt = RunIn("Compare-UpstashKafkaConnector -Connection $kc -Path $p");
        Assert.Contains(withoutIt.Errors, e => e.FullyQualifiedErrorId.StartsWith("EnvironmentVariableNotSet", StringComparison.Ordinal));
    }

    [Fact]
    public void KeepReferences_on_Upstash_is_refused_before_anything_is_sent()
    {
        folder.Json("nowhere", new Dictionary<string, string> { ["connector.class"] = ConnectorSeed.Mongo, ["connection.uri"] = "${env:X}" });

        RunResult result = Session.Run("Sync-UpstashKafkaConnector -Path $p -ClusterId $c -KeepReferences", new Dictionary<string, object?> { ["p"] = folder.Path, ["c"] = EmulatorOptions.DemoClusterId });

        Assert.Equal("KeepReferencesNeedsKafkaConnect,Upstash.Kafka.Cmdlets.SyncUpstashKafkaConnectorCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
        Assert.Empty(Sent);
    }

    [Fact]
    public void Sync_shows_its_progress_connector_by_connector()
    {
        Session.Run("Export-UpstashKafkaConnector -ClusterId $a -Path $p", new Dictionary<string, object?> { ["a"] = EmulatorOptions.DemoClusterId, ["p"] = folder.Path })
            .AssertNoErrors();
        variables.SetExact("UPSTASH_ORDERS_SOURCE_CONNECTION_URI", MongoSecret);
        variables.SetExact("UPSTASH_HELD_SOURCE_CONNECTION_URI", MongoSecret);

        RunResult sync = RunIn("Sync-UpstashKafkaConnector -Connection $kc -Path $p");

        sync.AssertNoErrors();
        Assert.Contains(sync.Progress, p => p.StatusDescription == "2 of 2 connectors");
        Assert.Contains(sync.Progress, p => p.RecordType == System.Management.Automation.ProgressRecordType.Completed);
    }

    [Fact]
    public void A_class_Upstash_never_hosted_is_no_warning_on_Kafka_Connect_but_is_on_Upstash()
    {
        folder.Json("file-source", new Dictionary<string, string> { ["connector.class"] = "org.apache.kafka.connect.file.FileStreamSourceConnector", ["file"] = "/var/log/app.log", ["topic"] = "lines" });

        RunResult onKafkaConnect = RunIn("Compare-UpstashKafkaConnector -Connection $kc -Path $p");
        RunResult onUpstash = Session.Run("Compare-UpstashKafkaConnector -Path $p -ClusterId $c", new Dictionary<string, object?> { ["p"] = folder.Path, ["c"] = EmulatorOptions.DemoClusterId });

        onKafkaConnect.AssertNoErrors();
        Assert.DoesNotContain(onKafkaConnect.Warnings, w => w.Contains("not one Upstash hosted", StringComparison.Ordinal));
        Assert.Contains(onUpstash.Warnings, w => w.Contains("not one Upstash hosted", StringComparison.Ordinal));
    }

    public new void Dispose()
    {
        folder.Dispose();
        variables.Dispose();
        base.Dispose();
    }
}
