using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.Http;
using Upstash.Kafka.Emulator.KafkaConnect;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.KafkaConnect;

/// <summary>
/// A test against the emulator's Kafka Connect API (its root) from a session whose default is still its Upstash API:
/// scripts get $kc, a Kafka Connect connection made with -NotDefault, so every test also proves where calls go.
/// </summary>
public abstract class KafkaConnectSessionTest : EmulatorSessionTest
{
    public const string JdbcSink = "io.aiven.connect.jdbc.JdbcSinkConnector";
    public const string Password = "kc-pw-0427";

    protected KafkaConnectSessionTest(EmulatorFixture emulator)
        : base(emulator)
    {
        emulator.Server.Options.PendingDelay = TimeSpan.FromMilliseconds(150);
        emulator.Server.Options.RestartDelay = TimeSpan.FromMilliseconds(150);
    }

    protected KafkaConnectStore Store => Emulator.Server.KafkaConnect;

    /// <summary>Runs a script with $kc (Kafka Connect, not the default), $u (the emulator's address) and $v.</summary>
    protected RunResult Run(string script, object? value = null) =>
        Session.Run(
            "$kc = Connect-UpstashKafka -KafkaConnectUri $u -NotDefault -PassThru\n" + script,
            new Dictionary<string, object?> { ["u"] = Emulator.BaseUri, ["v"] = value });

    /// <summary>A JDBC sink with a password, running (settled) unless told otherwise.</summary>
    protected void Seed(string name, bool settle = true, string? connectorClass = null, JsonObject? config = null)
    {
        config ??= new JsonObject
        {
            ["connector.class"] = connectorClass ?? JdbcSink,
            ["topics"] = "orders",
            ["connection.url"] = "jdbc:postgresql://db:5432/shop",
            ["connection.password"] = Password,
            ["tasks.max"] = "1",
        };
        config["name"] = name;
        Assert.NotNull(Store.Create(name, config, KafkaConnectTarget.Started, c => c));
        if (settle)
        {
            Store.SettleAll();
            Store.With(name, c => c.Connector.State);
        }

        Emulator.Server.Journal.Clear();
    }

    protected string? StateOf(string name) => Store.With(name, c => c.Connector.State);

    protected IReadOnlyList<JournalEntry> Sent => Emulator.Server.Journal.Entries;

    /// <summary>Requests to the Upstash API: a Kafka Connect call must never land there.</summary>
    protected IEnumerable<JournalEntry> SentToUpstash => Sent.Where(e => e.Path.StartsWith("/v2/", StringComparison.Ordinal));

    protected IEnumerable<JournalEntry> Writes => Sent.Where(e => e.Method != "GET");
}
