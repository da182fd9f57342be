using System.Reflection;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.RealShell;

/// <summary>
/// The try-it program as a newcomer runs it (`dotnet run --project src/Upstash.Kafka.TryIt`), as its own process:
/// the quick start, a script that fails, and the pwsh shell driven by a command instead of a person.
/// </summary>
public sealed class TryItTests
{
    private static readonly string TryIt = typeof(TryItTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TryItAssembly").Value!;

    /// <summary>The program sets the address and credential itself; none may leak in from the test process.</summary>
    private static readonly Dictionary<string, string> NoUpstashVariables = new() { ["UPSTASH_API_URL"] = "", ["UPSTASH_EMAIL"] = "", ["UPSTASH_API_KEY"] = "" };

    private static Task<ChildProcessResult> RunTryIt(params string[] arguments) =>
        ChildProcess.RunDotnetAsync(new[] { TryIt }.Concat(arguments), NoUpstashVariables, TimeSpan.FromMinutes(5));

    /// <summary>Runs the given text as a script file with --script.</summary>
    private static async Task<ChildProcessResult> RunScript(string text)
    {
        string script = Path.Combine(Path.GetTempPath(), $"tryit-{Guid.NewGuid():N}.ps1");
        File.WriteAllText(script, text);
        try
        {
            return await RunTryIt("--script", script);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task The_quick_start_creates_three_connectors_and_prints_them_as_a_table_with_secrets_masked()
    {
        ChildProcessResult run = await RunTryIt();

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.AllOutput}");
        Assert.Empty(run.StandardError.Trim());
        Assert.Matches(@"(?m)^connection\.uri\s+\*{8}\s*$", run.StandardOutput);
        Assert.Matches(@"(?m)^Name\s+State\s+ConnectorState\s+ConnectorClass", run.StandardOutput);
        Assert.Matches(@"(?m)^orders-source\s+pending\s+MongoSourceConnector", run.StandardOutput);
        Assert.Matches(@"(?m)^customers-source\s+pending\s+MongoSourceConnector", run.StandardOutput);
        Assert.Matches(@"(?m)^orders-archive\s+pending\s+MongoSinkConnector", run.StandardOutput);
        Assert.DoesNotContain("hunter22", run.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", run.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_that_writes_an_error_exits_1_with_the_error_shown_where_it_happened()
    {
        ChildProcessResult run = await RunScript("'before'\nNew-UpstashKafkaConnector -Name x -ClusterId no-such-cluster -ConnectorClass com.mongodb.kafka.connect.MongoSourceConnector -Property @{}\n'after'\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cluster not found", run.StandardError, StringComparison.Ordinal);
        Assert.Matches(@"(?s)before.*after", run.StandardOutput);
    }

    [Fact]
    public async Task A_script_that_throws_exits_1()
    {
        ChildProcessResult run = await RunScript("throw 'stop here'\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("stop here", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shell_runs_a_command_in_pwsh_with_the_module_and_the_emulator_receives_the_connector()
    {
        string command = $"New-UpstashKafkaConnector -Name from-the-shell -ClusterId {EmulatorOptions.DemoClusterId} " +
            "-ConnectorClass com.mongodb.kafka.connect.MongoSourceConnector -Property @{ 'connection.uri' = 'mongodb://app:pw-in-shell@db:27017' } | Out-String -Width 200; " +
            "\"PSEdition=$($PSVersionTable.PSEdition) Version=$($PSVersionTable.PSVersion)\"";

        ChildProcessResult run = await RunTryIt("--shell", "--command", command);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.AllOutput}");
        Assert.Contains("PSEdition=Core Version=7.6.9", run.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^from-the-shell\s+pending\s+MongoSourceConnector", run.StandardOutput);
        Assert.Contains("POST /v2/kafka/connector -> 200", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-in-shell", run.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shell_exits_1_when_the_command_writes_an_error()
    {
        ChildProcessResult run = await RunTryIt("--shell", "--command", "New-UpstashKafkaConnector -Name x -ClusterId no-such-cluster -ConnectorClass x -Property @{}");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cluster not found", run.AllOutput, StringComparison.Ordinal);
        Assert.Contains("POST /v2/kafka/connector -> 400", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shell_has_an_Upstash_default_and_a_ready_Kafka_Connect_connection_to_the_same_emulator()
    {
        string command = "New-UpstashKafkaConnector -Connection $kafkaConnect -Name kc-from-the-shell -ConnectorClass org.apache.kafka.connect.file.FileStreamSourceConnector " +
            "-Property @{ file = '/tmp/in.txt'; topic = 'lines' } | Out-Null; \"default=$($upstash.Kind) kc=$($kafkaConnect.Kind)\"; Get-UpstashKafkaConnector -Connection $kafkaConnect | ForEach-Object Name";

        ChildProcessResult run = await RunTryIt("--shell", "--command", command);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.AllOutput}");
        Assert.Contains("default=Upstash kc=KafkaConnect", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("kc-from-the-shell", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("POST /connectors -> 201", run.StandardOutput, StringComparison.Ordinal);
    }
}
