using System.Management.Automation;
using System.Text.RegularExpressions;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Documentation;

/// <summary>README.md's commands and examples are the ones that work: they are checked and run here.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ReadmeTests : IClassFixture<EmulatorFixture>
{
    private static readonly string Readme = File.ReadAllText(Repo.File("README.md"));
    private readonly EmulatorFixture emulator;

    public ReadmeTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
        emulator.Server.Reset();
        emulator.Server.Options.PendingDelay = TimeSpan.FromMilliseconds(200);
        emulator.Server.Options.RestartDelay = TimeSpan.FromMilliseconds(200);
    }

    private static string Block(string marker)
    {
        Match match = Regex.Match(Readme, $"<!-- {marker} -->.*?```powershell\\n(.*?)```\\n.*?<!-- /{marker} -->", RegexOptions.Singleline);
        Assert.True(match.Success, $"README.md has no ```powershell block between <!-- {marker} --> markers");
        return match.Groups[1].Value;
    }

    private RunResult RunAsAUserWould(string script, bool kafkaConnect = false)
    {
        // As after Install-Module: the module found by name on PSModulePath, the credential and address from the environment.
        string modulePath = Path.GetDirectoryName(Repo.ModuleFolder)! + Path.PathSeparator + Environment.GetEnvironmentVariable("PSModulePath");
        using var env = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["UPSTASH_API_URL"] = emulator.BaseUri.ToString(),
            ["UPSTASH_EMAIL"] = EmulatorFixture.Email,
            ["UPSTASH_API_KEY"] = emulator.ApiKey,
            ["PSModulePath"] = modulePath,
            // The emulator serves Kafka Connect's REST API at its root, so it is also the reader's Kafka Connect.
            ["KAFKA_CONNECT_URL"] = kafkaConnect ? emulator.BaseUri.ToString() : null,
        });
        using var session = new ModuleSession();
        return session.Run(script);
    }

    [Fact]
    public void Opens_with_the_two_commands_and_CI_runs_exactly_the_test_command()
    {
        string firstBlock = Regex.Match(Readme, "```sh\\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        string[] commands = firstBlock.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('#')[0].Trim()).ToArray();

        Assert.Equal(new[] { "dotnet run --project src/Upstash.Kafka.TryIt", "dotnet test Upstash.sln" }, commands);
        Assert.True(Readme.IndexOf("```sh", StringComparison.Ordinal) < Readme.IndexOf("\n## ", StringComparison.Ordinal), "the commands must open the README");
        string[] ciCommands = File.ReadAllLines(Repo.File(".ci", "run")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        Assert.Equal("dotnet test Upstash.sln", ciCommands[^1]);
        Assert.DoesNotContain(ciCommands, c => c.StartsWith("dotnet", StringComparison.Ordinal) && c != "dotnet test Upstash.sln");
    }

    [Fact]
    public void The_quick_start_block_is_the_script_the_try_it_command_runs()
    {
        string script = File.ReadAllText(Repo.File("src", "Upstash.Kafka.TryIt", "quickstart.ps1")).ReplaceLineEndings("\n");
        Assert.Equal(script.TrimEnd('\n'), Block("quickstart").TrimEnd('\n'));
    }

    [Fact]
    public void The_quick_start_runs_and_creates_three_connectors_with_secrets_masked()
    {
        RunResult result = RunAsAUserWould("Import-Module Upstash.Kafka\n" + Block("quickstart"));

        result.AssertNoErrors();
        Assert.Equal(3, emulator.Server.Store.ConnectorCount());
        Assert.Equal(3, result.Output.Count);
        Assert.Contains("********", result.HostOutput);
        Assert.DoesNotContain("hunter22", result.AllText());
    }

    [Fact]
    public void The_lifecycle_block_runs_every_step_and_leaves_nothing_behind()
    {
        RunResult result = RunAsAUserWould(Block("lifecycle"));

        result.AssertNoErrors();
        Assert.Equal("********", Assert.Single(result.Output).BaseObject);
        var sent = emulator.Server.Journal.Entries.Where(e => e.Method != "GET").Select(e => e.Method + " " + Regex.Replace(e.Path, "[0-9a-f-]{36}", "{id}")).ToList();
        Assert.Equal(
            new[]
            {
                "POST /v2/kafka/connector",
                "POST /v2/kafka/update-connector/{id}",
                "POST /v2/kafka/connector/{id}/pause",
                "POST /v2/kafka/connector/{id}/start",
                "DELETE /v2/kafka/connector/{id}",
            },
            sent);
        Assert.Equal(0, emulator.Server.Store.ConnectorCount());
    }

    [Fact]
    public void The_pipeline_block_creates_a_topic_a_producer_credential_and_a_running_sink_that_reads_it()
    {
        RunResult result = RunAsAUserWould(Block("pipeline"));

        result.AssertNoErrors();
        var summary = Assert.Single(result.Output).Properties;
        Assert.Equal("orders", summary["Topic"].Value);
        Assert.Equal(3, summary["Partitions"].Value);
        Assert.Equal("running", summary["State"].Value);
        var created = emulator.Server.Journal.Entries.Where(e => e.Method == "POST").Select(e => e.Path).ToList();
        Assert.Equal(new[] { "/v2/kafka/topic", "/v2/kafka/credential", "/v2/kafka/connector" }, created);
        Assert.Contains("\"PRODUCE\"", emulator.Server.Journal.Entries.Single(e => e.Path == "/v2/kafka/credential").Body, StringComparison.Ordinal);
        Assert.Equal("orders", emulator.Server.Store.Credentials().Single().Topic);
        Assert.DoesNotContain(emulator.Server.Store.Credentials().Single().Password, result.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_Kafka_Connect_block_runs_every_step_on_Kafka_Connect_only_and_leaves_nothing_behind()
    {
        RunResult result = RunAsAUserWould(Block("kafka-connect"), kafkaConnect: true);

        result.AssertNoErrors();
        Assert.Equal("orders-to-postgres is running with 2 tasks", result.Output[0].BaseObject);
        var sent = emulator.Server.Journal.Entries.Where(e => e.Method != "GET").Select(e => e.Method + " " + e.Path + e.Query).ToList();
        Assert.Equal(
            new[]
            {
                "POST /connectors",
                "PUT /connectors/orders-to-postgres/config",
                "PUT /connectors/orders-to-postgres/pause",
                "PUT /connectors/orders-to-postgres/stop",
                "PUT /connectors/orders-to-postgres/resume",
                "DELETE /connectors/orders-to-postgres",
            },
            sent);
        Assert.DoesNotContain(emulator.Server.Journal.Entries, e => e.Path.StartsWith("/v2/", StringComparison.Ordinal));
        Assert.Equal(0, emulator.Server.KafkaConnect.Count);
        Assert.DoesNotContain("s3cret", result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_move_copy_block_copies_both_connectors_to_Kafka_Connect_once_keeping_the_pause()
    {
        RunResult result = RunAsAUserWould(Block("move-copy"), kafkaConnect: true);

        result.AssertNoErrors();
        Assert.Equal(2, emulator.Server.KafkaConnect.Count);
        Assert.Equal(2, emulator.Server.Journal.Count("POST", "/connectors"));
        Assert.Equal(
            new[] { "Created", "Created", "Unchanged", "Unchanged" },
            result.Output.Select(o => o.Properties["Outcome"].Value.ToString()));
        emulator.Server.KafkaConnect.SettleAll();
        Assert.Equal("PAUSED", emulator.Server.KafkaConnect.With("move-billing-sink", c => c.Connector.State));
        Assert.Equal("s3cret", emulator.Server.KafkaConnect.With("move-billing-sink", c => c.Text("connection.password")));
        Assert.DoesNotContain("s3cret", result.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_move_as_code_block_exports_tests_syncs_and_compares_against_Kafka_Connect()
    {
        string folder = Path.Combine(Path.GetTempPath(), "moving-connectors");
        try
        {
            RunResult result = RunAsAUserWould(Block("move-as-code"), kafkaConnect: true);

            result.AssertNoErrors();
            Assert.Equal(1, emulator.Server.KafkaConnect.Count);
            Assert.Contains(emulator.Server.Journal.Entries, e => e.Method == "PUT" && e.Path.EndsWith("/config/validate", StringComparison.Ordinal));
            PSObject compared = result.Output[^1];
            Assert.Equal("code-orders-source", compared.Properties["Name"].Value);
            Assert.Equal("Unchanged", compared.Properties["Action"].Value.ToString());
            Assert.DoesNotContain("hunter22", result.AllText(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("UPSTASH_CODE_ORDERS_SOURCE_CONNECTION_URI", null);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void The_offsets_block_lists_plugins_moves_an_offset_while_stopped_and_resets_it()
    {
        RunResult result = RunAsAUserWould(Block("offsets"), kafkaConnect: true);

        result.AssertNoErrors();
        var writes = emulator.Server.Journal.Entries.Where(e => e.Method != "GET").Select(e => e.Method + " " + e.Path).ToList();
        Assert.Equal(
            new[]
            {
                "POST /connectors",
                "PUT /connectors/offsets-orders-sink/stop",
                "PATCH /connectors/offsets-orders-sink/offsets",
                "PUT /connectors/offsets-orders-sink/resume",
                "PUT /connectors/offsets-orders-sink/stop",
                "DELETE /connectors/offsets-orders-sink/offsets",
                "PUT /connectors/offsets-orders-sink/resume",
                "DELETE /connectors/offsets-orders-sink",
            },
            writes);
        Assert.Contains("1000", emulator.Server.Journal.Entries.Single(e => e.Method == "PATCH").Body, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.AllText(), StringComparison.Ordinal);
    }
}
