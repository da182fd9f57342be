using System.Management.Automation;
using System.Net;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Http;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Session;

/// <summary>Where the credential and address come from: -Credential, then Connect-UpstashKafka, then the environment.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class SessionCredentialTests : IClassFixture<EmulatorFixture>
{
    private const string Create = "New-UpstashKafkaConnector -Name $n -ClusterId $c -Property @{ 'connector.class' = 'x' }";
    private readonly EmulatorFixture emulator;

    public SessionCredentialTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
        emulator.Server.Reset();
    }

    private static Dictionary<string, object?> Vars(string name, PSCredential? credential = null) =>
        new() { ["n"] = name, ["c"] = EmulatorOptions.DemoClusterId, ["cred"] = credential };

    private static PSCredential Credential(string email, string key) => new(email, new NetworkCredential(string.Empty, key).SecurePassword);

    private string AuthorizationOf(string connectorName) =>
        emulator.Server.Journal.Entries.Single(e => e.Body.Contains($"\"name\":\"{connectorName}\"", StringComparison.Ordinal)).Headers["Authorization"];

    private static string Basic(string email, string key) => "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(email + ":" + key));

    [Fact]
    public void Environment_variables_are_used_when_nothing_else_is_given()
    {
        using var env = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["UPSTASH_EMAIL"] = EmulatorFixture.Email,
            ["UPSTASH_API_KEY"] = emulator.ApiKey,
            ["UPSTASH_API_URL"] = emulator.BaseUri.ToString(),
        });
        using var session = new ModuleSession();

        session.Run(Create, Vars("from-env")).AssertNoErrors();

        Assert.Equal(Basic(EmulatorFixture.Email, emulator.ApiKey), AuthorizationOf("from-env"));
    }

    [Fact]
    public void Connect_default_beats_the_environment_and_Credential_beats_both()
    {
        using var env = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["UPSTASH_EMAIL"] = "env@example.com",
            ["UPSTASH_API_KEY"] = "env-key-123456",
            ["UPSTASH_API_URL"] = emulator.BaseUri.ToString(),
        });
        using var session = new ModuleSession();
        session.Connect(Credential("connect@example.com", "connect-key-123456"), emulator.BaseUri);

        session.Run(Create, Vars("by-connect"));
        session.Run(Create + " -Credential $cred", Vars("by-parameter", emulator.Credential)).AssertNoErrors();

        Assert.Equal(Basic("connect@example.com", "connect-key-123456"), AuthorizationOf("by-connect"));
        Assert.Equal(Basic(EmulatorFixture.Email, emulator.ApiKey), AuthorizationOf("by-parameter"));
    }

    [Fact]
    public void Disconnect_forgets_the_session_default()
    {
        using var env = new EnvironmentScope(new Dictionary<string, string?>());
        using var session = new ModuleSession(emulator);

        session.Run("Disconnect-UpstashKafka").AssertNoErrors();
        RunResult result = session.Run(Create, Vars("after-disconnect"));

        Assert.Equal("NoCredential,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
        Assert.Empty(emulator.Server.Journal.Entries);
    }

    [Fact]
    public void No_credential_anywhere_is_a_terminating_error_naming_all_three_ways_and_never_a_prompt()
    {
        using var env = new EnvironmentScope(new Dictionary<string, string?>());
        using var session = new ModuleSession();

        RunResult result = session.Run(Create, Vars("nobody"));

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("-Credential", error.Exception.Message);
        Assert.Contains("Connect-UpstashKafka", error.Exception.Message);
        Assert.Contains("UPSTASH_EMAIL", error.Exception.Message);
        Assert.Contains("UPSTASH_API_KEY", error.Exception.Message);
        Assert.Empty(session.Host.Prompts);
    }

    [Fact]
    public async Task Two_runspaces_connected_differently_keep_their_own_credential_and_address()
    {
        await using EmulatorServer second = await EmulatorServer.StartAsync(new EmulatorOptions { Email = "second@example.com", ApiKey = "second-key-123456" });
        using var env = new EnvironmentScope(new Dictionary<string, string?>());
        using var first = new ModuleSession(emulator);
        using var other = new ModuleSession();
        other.Connect(Credential("second@example.com", "second-key-123456"), second.BaseUri);

        // Interleaved, and then concurrently from two threads.
        first.Run(Create, Vars("a1")).AssertNoErrors();
        other.Run(Create, Vars("b1")).AssertNoErrors();
        await Task.WhenAll(
            Task.Run(() => Enumerable.Range(2, 5).ToList().ForEach(i => first.Run(Create, Vars("a" + i)).AssertNoErrors())),
            Task.Run(() => Enumerable.Range(2, 5).ToList().ForEach(i => other.Run(Create, Vars("b" + i)).AssertNoErrors())));

        Assert.All(emulator.Server.Journal.Entries, e => Assert.Contains("\"name\":\"a", e.Body, StringComparison.Ordinal));
        Assert.All(second.Journal.Entries, e => Assert.Contains("\"name\":\"b", e.Body, StringComparison.Ordinal));
        Assert.Equal(6, emulator.Server.Journal.Entries.Count);
        Assert.Equal(6, second.Journal.Entries.Count);
        Assert.All(second.Journal.Entries, e => Assert.Equal(Basic("second@example.com", "second-key-123456"), e.Headers["Authorization"]));
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("ftp://127.0.0.1")]
    public void Plain_http_to_another_machine_is_refused_by_Connect(string address)
    {
        using var env = new EnvironmentScope(new Dictionary<string, string?>());
        using var session = new ModuleSession();

        RunResult result = session.Run("Connect-UpstashKafka -Credential $cred -ApiUri $u", new Dictionary<string, object?> { ["cred"] = emulator.Credential, ["u"] = address });

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.Equal("InvalidApiAddress,Upstash.Kafka.Cmdlets.ConnectUpstashKafkaCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }

    [Fact]
    public void Plain_http_to_another_machine_from_the_environment_is_refused_before_anything_is_sent()
    {
        using var env = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["UPSTASH_EMAIL"] = EmulatorFixture.Email,
            ["UPSTASH_API_KEY"] = emulator.ApiKey,
            ["UPSTASH_API_URL"] = "http://upstash.example.net",
        });
        using var session = new ModuleSession();

        RunResult result = session.Run(Create, Vars("insecure"));

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.Equal("InvalidApiAddress,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Contains("UPSTASH_API_URL", error.Exception.Message);
        Assert.Empty(emulator.Server.Journal.Entries);
        Assert.DoesNotContain(emulator.ApiKey, result.AllText());
    }

    [Theory]
    [InlineData("http://localhost:{0}")]
    [InlineData("http://127.0.0.1:{0}")]
    public void Plain_http_to_loopback_is_allowed(string template)
    {
        using var env = new EnvironmentScope(new Dictionary<string, string?>());
        using var session = new ModuleSession();
        session.Connect(emulator.Credential, new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, emulator.BaseUri.Port)));

        session.Run(Create, Vars("loopback")).AssertNoErrors();
    }
}
