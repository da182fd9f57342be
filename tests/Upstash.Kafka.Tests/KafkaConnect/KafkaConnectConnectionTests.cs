using System.Management.Automation;
using System.Net;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.KafkaConnect;

/// <summary>Connections: where each call goes, what each kind of server refuses, and that no secret leaks from a connection.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class KafkaConnectConnectionTests : KafkaConnectSessionTest
{
    private const string KcUser = "connect-admin";
    private const string KcPassword = "kc-basic-pw-5521";

    public KafkaConnectConnectionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private void RequireBasicAuth()
    {
        Emulator.Server.Options.KafkaConnectUser = KcUser;
        Emulator.Server.Options.KafkaConnectPassword = KcPassword;
    }

    private RunResult RunWithBasic(string script, string password = KcPassword) =>
        Session.Run(
            "$kcb = Connect-UpstashKafka -KafkaConnectUri $u -Credential $c -NotDefault -PassThru\n" + script,
            new Dictionary<string, object?>
            {
                ["u"] = Emulator.BaseUri,
                ["c"] = new PSCredential(KcUser, new NetworkCredential(string.Empty, password).SecurePassword),
            });

    [Fact]
    public void A_piped_Kafka_Connect_connector_is_acted_on_there_although_the_default_is_Upstash()
    {
        Seed("remembered");

        RunResult result = Run("Get-UpstashKafkaConnector -Connection $kc -Name remembered | Suspend-UpstashKafkaConnector");

        result.AssertNoErrors();
        Assert.Single(Sent, e => e.Method == "PUT" && e.Path == "/connectors/remembered/pause");
        Assert.Empty(SentToUpstash);
    }

    [Fact]
    public void A_piped_Upstash_cluster_is_listed_on_Upstash_although_the_default_is_Kafka_Connect()
    {
        Seed("on-kafka-connect");

        RunResult result = Run("$up = Get-UpstashKafkaCluster; Connect-UpstashKafka -KafkaConnectUri $u; $up | Get-UpstashKafkaConnector");

        result.AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.Contains(SentToUpstash, e => e.Path.StartsWith("/v2/kafka/connectors/", StringComparison.Ordinal));
        Assert.DoesNotContain(Sent, e => e.Path == "/connectors");
    }

    [Fact]
    public void Credential_on_a_Kafka_Connect_session_is_refused_so_a_password_never_goes_to_Upstash()
    {
        RunResult result = Session.Run(
            "Connect-UpstashKafka -KafkaConnectUri $u; Get-UpstashKafkaConnector -Credential ([pscredential]::new('admin', [System.Net.NetworkCredential]::new('', 'kc-typed-pw').SecurePassword))",
            new Dictionary<string, object?> { ["u"] = Emulator.BaseUri });

        Assert.Equal("CredentialIsForUpstash,Upstash.Kafka.Cmdlets.GetUpstashKafkaConnectorCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
        Assert.Empty(Sent);
    }

    [Fact]
    public void Connect_KafkaConnectUri_makes_Kafka_Connect_the_default_for_connector_cmdlets()
    {
        Seed("by-default");

        RunResult result = Session.Run("Connect-UpstashKafka -KafkaConnectUri $u; Get-UpstashKafkaConnector", new Dictionary<string, object?> { ["u"] = Emulator.BaseUri });

        result.AssertNoErrors();
        Assert.Equal("by-default", Assert.Single(result.Output).Text("Name"));
        Assert.Empty(SentToUpstash);
    }

    [Fact]
    public void A_typed_Connection_wins_over_the_one_a_piped_object_carries()
    {
        Seed("here");

        // The object says Kafka Connect; -Connection says Upstash, where no connector has that id.
        RunResult result = Run("$up = Connect-UpstashKafka -Credential $c -ApiUri $u -NotDefault -PassThru; Get-UpstashKafkaConnector -Connection $kc -Name here | Suspend-UpstashKafkaConnector -Connection $up".Replace("$c", "$cred", StringComparison.Ordinal)
            .Insert(0, "$cred = [pscredential]::new('" + EmulatorFixture.Email + "', ([System.Net.NetworkCredential]::new('', '" + Emulator.ApiKey + "').SecurePassword))\n"));

        Assert.Single(result.Errors);
        Assert.Contains(SentToUpstash, e => e.Path == "/v2/kafka/connector/here/pause");
        Assert.DoesNotContain(Sent, e => e.Path == "/connectors/here/pause");
    }

    [Theory]
    [InlineData("Get-UpstashKafkaCluster -Connection $kc")]
    [InlineData("Get-UpstashKafkaTopic -Connection $kc")]
    [InlineData("Get-UpstashKafkaCredential -Connection $kc")]
    [InlineData("New-UpstashKafkaTopic -Connection $kc -Name t -ClusterId x -Confirm:$false")]
    [InlineData("Get-UpstashKafkaClusterStatistic -Connection $kc -ClusterId x")]
    public void Upstash_only_cmdlets_refuse_a_Kafka_Connect_connection_and_send_nothing(string script)
    {
        RunResult result = Run(script);

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.StartsWith("KafkaConnectNotSupported,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Empty(Sent);
    }

    [Fact]
    public void A_ClusterId_bound_from_a_piped_Upstash_object_is_ignored_on_Kafka_Connect()
    {
        RunResult result = Run("[pscustomobject]@{ Name = 'copied'; ClusterId = 'upstash-cluster'; Property = @{ 'connector.class' = '" + JdbcSink + "'; topics = 'orders'; 'connection.url' = 'jdbc:postgresql://db/shop' } } | New-UpstashKafkaConnector -Connection $kc");

        result.AssertNoErrors();
        Assert.Equal(1, Store.Count);
        Assert.DoesNotContain("upstash-cluster", Assert.Single(Sent, e => e.Method == "POST").Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Basic_auth_is_sent_and_a_wrong_password_is_an_AuthenticationError_naming_the_server_without_the_password()
    {
        RequireBasicAuth();
        Seed("guarded");

        RunWithBasic("Get-UpstashKafkaConnector -Connection $kcb").AssertNoErrors();
        string expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(KcUser + ":" + KcPassword));
        Assert.Equal(expected, Assert.Single(Sent).Headers["Authorization"]);

        RunResult wrong = RunWithBasic("Get-UpstashKafkaConnector -Connection $kcb", password: "wrong-password-77");
        ErrorRecord error = Assert.Single(wrong.Errors);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains(Emulator.BaseUri.ToString(), error.ToString(), StringComparison.Ordinal);
        Assert.Contains(KcUser, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-77", wrong.AllText());
    }

    [Fact]
    public void A_bearer_token_is_sent_and_never_shown()
    {
        const string Token = "tok-3b9f21c7e0";
        Emulator.Server.Options.KafkaConnectBearerToken = Token;
        Seed("tokened");

        RunResult result = Session.Run(
            "$t = [System.Net.NetworkCredential]::new('', '" + Token + "').SecurePassword; $k = Connect-UpstashKafka -KafkaConnectUri $u -BearerToken $t -PassThru -Verbose -Debug; " +
            "$k.psobject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" }; [System.Management.Automation.PSSerializer]::Serialize($k, 5); Get-UpstashKafkaConnector -Verbose -Debug",
            new Dictionary<string, object?> { ["u"] = Emulator.BaseUri });

        result.AssertNoErrors();
        Assert.Equal("Bearer " + Token, Sent[^1].Headers["Authorization"]);
        string shown = result.AllText();
        Assert.Contains("Bearer", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, shown);
    }

    [Fact]
    public void A_connection_object_exposes_no_secret_through_Clixml_or_its_properties_and_refuses_null()
    {
        RunResult result = RunWithBasic("[System.Management.Automation.PSSerializer]::Serialize($kcb, 5); $kcb.psobject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" }");
        result.AssertNoErrors();
        Assert.DoesNotContain(KcPassword, result.AllText());
        Assert.Contains(KcUser, result.AllText());

        RunResult nullConnection = Run("Get-UpstashKafkaConnector -Connection $null");
        Assert.Equal("InvalidConnection,Upstash.Kafka.Cmdlets.GetUpstashKafkaConnectorCommand", Assert.Single(nullConnection.AllErrors).FullyQualifiedErrorId);
        Assert.Empty(Sent);
    }

    [Fact]
    public void Plain_http_with_a_password_to_another_machine_is_refused_unless_allowed()
    {
        RunResult refused = Session.Run(
            "Connect-UpstashKafka -KafkaConnectUri http://connect.example.com:8083 -Credential ([pscredential]::new('u', [System.Net.NetworkCredential]::new('', 'p4ssw0rd').SecurePassword))");
        Assert.Equal("InvalidApiAddress,Upstash.Kafka.Cmdlets.ConnectUpstashKafkaCommand", Assert.Single(refused.AllErrors).FullyQualifiedErrorId);

        Session.Run(
            "Connect-UpstashKafka -KafkaConnectUri http://connect.example.com:8083 -AllowUnencryptedAuthentication -Credential ([pscredential]::new('u', [System.Net.NetworkCredential]::new('', 'p4ssw0rd').SecurePassword))")
            .AssertNoErrors();
        Session.Run("Connect-UpstashKafka -KafkaConnectUri http://connect.example.com:8083/kafka-connect").AssertNoErrors();
    }

    [Fact]
    public void KAFKA_CONNECT_URL_is_the_default_of_a_session_without_Connect_or_an_Upstash_credential()
    {
        Seed("from-env");
        using var env = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["KAFKA_CONNECT_URL"] = Emulator.BaseUri.ToString(),
            ["UPSTASH_EMAIL"] = null,
            ["UPSTASH_API_KEY"] = null,
        });
        using var fresh = new ModuleSession();

        RunResult result = fresh.Run("Get-UpstashKafkaConnector");

        result.AssertNoErrors();
        Assert.Equal("from-env", Assert.Single(result.Output).Text("Name"));
    }

    [Fact]
    public void With_an_Upstash_credential_in_the_environment_too_Upstash_stays_the_default()
    {
        Seed("not-the-default");
        using var env = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["KAFKA_CONNECT_URL"] = Emulator.BaseUri.ToString(),
            ["UPSTASH_API_URL"] = Emulator.BaseUri.ToString(),
            ["UPSTASH_EMAIL"] = EmulatorFixture.Email,
            ["UPSTASH_API_KEY"] = Emulator.ApiKey,
        });
        using var fresh = new ModuleSession();

        RunResult result = fresh.Run("Get-UpstashKafkaConnector -Name not-the-default -ErrorAction SilentlyContinue");

        Assert.Empty(result.Output);
        Assert.Contains(SentToUpstash, e => e.Path == "/v2/kafka/clusters");
        Assert.DoesNotContain(Sent, e => e.Path.StartsWith("/connectors", StringComparison.Ordinal));
    }
}
