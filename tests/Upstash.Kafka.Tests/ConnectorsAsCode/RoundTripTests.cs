using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.ConnectorsAsCode;

/// <summary>
/// The issue's promises: export cluster A, sync the folder to an empty cluster B with the variables the export named,
/// and B compares Unchanged with the folder, secrets included; the files are valid Kafka Connect bodies.
/// </summary>
public sealed class RoundTripTests : EmulatorSessionTest, IDisposable
{
    private const string ClusterB = "0b0b0b0b-0000-4000-8000-00000000000b";
    private const string MongoSecret = "mongodb://app:RoundTrip-Secret-1@db.example:27017";
    private const string JdbcPassword = "RoundTrip-Secret-2";
    private readonly ConnectorFolder folder = new();
    private readonly TestVariables variables = new();

    public RoundTripTests(EmulatorFixture emulator)
        : base(emulator)
    {
        Emulator.Server.Options.PendingDelay = TimeSpan.Zero;
        Emulator.Server.Store.AddCluster(ClusterB, "cluster-b");
        ConnectorSeed.Add(Emulator.Server, "orders-source", properties: new JsonObject { ["connector.class"] = ConnectorSeed.Mongo, ["connection.uri"] = MongoSecret, ["tasks.max"] = 2, ["copy.existing"] = true });
        ConnectorSeed.Add(Emulator.Server, "billing/jdbc: v2", "paused", properties: new JsonObject
        {
            ["connector.class"] = "io.aiven.connect.jdbc.JdbcSourceConnector",
            ["connection.url"] = "jdbc:postgresql://db.example:5432/billing",
            ["connection.user"] = "app",
            ["connection.password"] = JdbcPassword,
            ["mode"] = "bulk",
            ["topic.prefix"] = "billing-",
            ["query"] = "select * from invoices where note = 'a=b: #1 \\ é'\nand x = 1",
        });
    }

    [Theory]
    [InlineData("Json")]
    [InlineData("Properties")]
    public void Export_then_sync_to_an_empty_cluster_then_compare_is_unchanged_secrets_included(string format)
    {
        RunResult export = Session.Run(
            "Export-UpstashKafkaConnector -ClusterId $a -Path $p -Format $f",
            new Dictionary<string, object?> { ["a"] = EmulatorOptions.DemoClusterId, ["p"] = folder.Path, ["f"] = format });
        export.AssertNoErrors();
        Assert.Equal(2, export.Output.Count);
        Assert.DoesNotContain("RoundTrip-Secret", export.AllText(), StringComparison.Ordinal);
        foreach (string file in Directory.GetFiles(folder.Path))
        {
            Assert.DoesNotContain("RoundTrip-Secret", File.ReadAllText(file), StringComparison.Ordinal);
            Assert.DoesNotContain("********", File.ReadAllText(file), StringComparison.Ordinal);
        }

        // The variables the export named, set from the secrets of cluster A.
        string[] named = export.Output.SelectMany(o => (string[])o.Properties["SecretVariable"].Value).Order().ToArray();
        Assert.Equal(new[] { "UPSTASH_BILLING_JDBC__V2_CONNECTION_PASSWORD", "UPSTASH_ORDERS_SOURCE_CONNECTION_URI" }, named);
        variables.SetExact("UPSTASH_ORDERS_SOURCE_CONNECTION_URI", MongoSecret);
        variables.SetExact("UPSTASH_BILLING_JDBC__V2_CONNECTION_PASSWORD", JdbcPassword);

        RunResult sync = Session.Run("Sync-UpstashKafkaConnector -Path $p -ClusterId $b", new Dictionary<string, object?> { ["p"] = folder.Path, ["b"] = ClusterB });
        sync.AssertNoErrors();
        Assert.All(sync.Output, o => Assert.Equal("Created", o.Properties["Outcome"].Value.ToString()));

        RunResult compare = Session.Run("Compare-UpstashKafkaConnector -Path $p -ClusterId $b", new Dictionary<string, object?> { ["p"] = folder.Path, ["b"] = ClusterB });
        compare.AssertNoErrors();
        Assert.Equal(2, compare.Output.Count);
        Assert.All(compare.Output, o => Assert.Equal("Unchanged", o.Properties["Action"].Value.ToString()));

        // And B holds what A held, value for value, the paused state included.
        var onB = Emulator.Server.Store.ListConnectors(ClusterB, c => (c.Name, c.State, Properties: c.Properties.ToJsonString()))!;
        var onA = Emulator.Server.Store.ListConnectors(EmulatorOptions.DemoClusterId, c => (c.Name, c.State, Properties: c.Properties.ToJsonString()))!;
        Assert.Equal("paused", onB.Single(c => c.Name == "billing/jdbc: v2").State);
        foreach (var a in onA)
        {
            JsonObject fromA = JsonNode.Parse(a.Properties)!.AsObject();
            JsonObject fromB = JsonNode.Parse(onB.Single(b => b.Name == a.Name).Properties)!.AsObject();
            Assert.Equal(fromA.Select(p => (p.Key, p.Value!.ToString())).OrderBy(p => p.Key), fromB.Select(p => (p.Key, p.Value!.ToString())).OrderBy(p => p.Key));
        }
    }

    [Fact]
    public void The_exported_json_is_a_valid_body_for_Kafka_Connects_POST_connectors()
    {
        Session.Run("Export-UpstashKafkaConnector -ClusterId $a -Path $p", new Dictionary<string, object?> { ["a"] = EmulatorOptions.DemoClusterId, ["p"] = folder.Path })
            .AssertNoErrors();

        string[] files = Directory.GetFiles(folder.Path, "*.json");
        Assert.Equal(new[] { "billing_jdbc_ v2.json", "orders-source.json" }, files.Select(Path.GetFileName).Order());
        foreach (string file in files)
        {
            using JsonDocument body = JsonDocument.Parse(File.ReadAllText(file));
            JsonElement root = body.RootElement;
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            Assert.Subset(new HashSet<string> { "name", "config", "initial_state" }, root.EnumerateObject().Select(p => p.Name).ToHashSet());
            Assert.Equal(JsonValueKind.String, root.GetProperty("name").ValueKind);
            Assert.All(root.GetProperty("config").EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
            if (root.GetProperty("config").TryGetProperty("name", out JsonElement configName))
            {
                Assert.Equal(root.GetProperty("name").GetString(), configName.GetString());
            }

            bool paused = root.GetProperty("name").GetString() == "billing/jdbc: v2";
            Assert.Equal(paused, root.TryGetProperty("initial_state", out JsonElement state));
            Assert.True(!paused || state.GetString() == "PAUSED");
        }
    }

    [Fact]
    public void Export_with_IncludeSecret_writes_clear_values_and_warns_and_NoClobber_refuses_to_overwrite()
    {
        RunResult clear = Session.Run("Export-UpstashKafkaConnector -ClusterId $a -Name orders* -Path $p -IncludeSecret", new Dictionary<string, object?> { ["a"] = EmulatorOptions.DemoClusterId, ["p"] = folder.Path });
        clear.AssertNoErrors();
        Assert.Contains(clear.Warnings, w => w.Contains("in clear", StringComparison.Ordinal));
        Assert.Contains(MongoSecret, File.ReadAllText(Path.Combine(folder.Path, "orders-source.json")), StringComparison.Ordinal);

        RunResult again = Session.Run("Get-UpstashKafkaConnector -ClusterId $a -Name orders-source | Export-UpstashKafkaConnector -Path $p -NoClobber", new Dictionary<string, object?> { ["a"] = EmulatorOptions.DemoClusterId, ["p"] = folder.Path });
        Assert.Equal("ConnectorFileExists", Assert.Single(again.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(MongoSecret, File.ReadAllText(Path.Combine(folder.Path, "orders-source.json")), StringComparison.Ordinal);

        RunResult whatIf = Session.Run("Export-UpstashKafkaConnector -ClusterId $a -Path $p -WhatIf", new Dictionary<string, object?> { ["a"] = EmulatorOptions.DemoClusterId, ["p"] = Path.Combine(folder.Path, "new") });
        whatIf.AssertNoErrors();
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "new")));
    }

    [Fact]
    public void Export_reports_an_exact_name_that_matches_nothing_and_refuses_a_path_outside_the_file_system()
    {
        var cluster = new Dictionary<string, object?> { ["a"] = EmulatorOptions.DemoClusterId, ["p"] = folder.Path };

        RunResult missing = Session.Run("Export-UpstashKafkaConnector -ClusterId $a -Name nosuch, orders* -Path $p", cluster);
        RunResult elsewhere = Session.Run("Export-UpstashKafkaConnector -ClusterId $a -Path env:/exported", cluster);

        ErrorRecord notFound = Assert.Single(missing.Errors);
        Assert.Equal("ConnectorNameNotFound", notFound.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
        Assert.True(File.Exists(Path.Combine(folder.Path, "orders-source.json")));
        ErrorRecord refused = Assert.Single(elsewhere.AllErrors);
        Assert.Equal("ExportPathNotFileSystem", refused.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, refused.CategoryInfo.Category);
    }

    [Fact]
    public void Two_connectors_with_one_file_name_are_an_error_not_an_overwrite()
    {
        ConnectorSeed.Add(Emulator.Server, "a:b", properties: new JsonObject { ["connector.class"] = ConnectorSeed.Mongo, ["connection.uri"] = "mongodb://db", ["k"] = "first" });
        ConnectorSeed.Add(Emulator.Server, "a/b", properties: new JsonObject { ["connector.class"] = ConnectorSeed.Mongo, ["connection.uri"] = "mongodb://db", ["k"] = "second" });

        RunResult result = Session.Run("Export-UpstashKafkaConnector -ClusterId $a -Name a?b -Path $p", new Dictionary<string, object?> { ["a"] = EmulatorOptions.DemoClusterId, ["p"] = folder.Path });

        Assert.Equal("ConnectorFileNameCollision", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Single(result.Output);
        Assert.Contains("first", File.ReadAllText(Path.Combine(folder.Path, "a_b.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_hides_a_changed_secret_and_does_not_report_an_unchanged_one()
    {
        string same = variables.Set("RT_SAME", MongoSecret);
        folder.Json("orders-source", new Dictionary<string, string> { ["connector.class"] = ConnectorSeed.Mongo, ["connection.uri"] = "${env:" + same + "}", ["tasks.max"] = "2", ["copy.existing"] = "true" });
        RunResult unchanged = Session.Run("Compare-UpstashKafkaConnector -Path $p -ClusterId $a", new Dictionary<string, object?> { ["a"] = EmulatorOptions.DemoClusterId, ["p"] = folder.Path });
        unchanged.AssertNoErrors();
        Assert.Equal("Unchanged", unchanged.Output.Single(o => (string)o.Properties["Name"].Value == "orders-source").Properties["Action"].Value.ToString());
        Assert.Equal("Unmanaged", unchanged.Output.Single(o => (string)o.Properties["Name"].Value == "billing/jdbc: v2").Properties["Action"].Value.ToString());

        Environment.SetEnvironmentVariable(same, MongoSecret.Replace("Secret-1", "Secret-rotated", StringComparison.Ordinal));
        RunResult changed = Session.Run("Compare-UpstashKafkaConnector -Path $p -ClusterId $a", new Dictionary<string, object?> { ["a"] = EmulatorOptions.DemoClusterId, ["p"] = folder.Path });
        changed.AssertNoErrors();
        PSObject orders = changed.Output.Single(o => (string)o.Properties["Name"].Value == "orders-source");
        Assert.Equal("Update", orders.Properties["Action"].Value.ToString());
        PSObject change = PSObject.AsPSObject(Assert.Single(((System.Collections.IEnumerable)PSObject.AsPSObject(orders.Properties["Changes"].Value).BaseObject).Cast<object>()));
        Assert.Equal(
            ("connection.uri", "Changed", "********", "********"),
            ((string)change.Properties["Key"].Value, change.Properties["Change"].Value.ToString(), (string)change.Properties["Before"].Value, (string)change.Properties["After"].Value));
        string text = changed.AllText() + change;
        Assert.Contains("~ connection.uri (secret)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RoundTrip-Secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rotated", text, StringComparison.Ordinal);
    }

    public new void Dispose()
    {
        folder.Dispose();
        variables.Dispose();
        base.Dispose();
    }
}
