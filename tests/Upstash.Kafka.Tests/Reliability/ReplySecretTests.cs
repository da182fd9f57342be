using System.Management.Automation;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Reliability;

/// <summary>
/// Replies that carry Kafka passwords, seen when they go wrong: a reply cut off cannot be parsed, so nothing in it
/// can be masked and it is never quoted; secret-looking fields besides "password" are masked in -Debug too; and an
/// unreadable "success" to a create is never answered with "not created", which would invite a duplicate.
/// </summary>
public sealed class ReplySecretTests : EmulatorSessionTest
{
    private const string CutSecret = "CUT-OFF-SECRET-0001";

    public ReplySecretTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private RunResult Run(string script) =>
        Session.Run(script, new Dictionary<string, object?> { ["id"] = EmulatorOptions.DemoClusterId });

    [Theory]
    [InlineData("POST", "/v2/kafka/reset-password/*", "Reset-UpstashKafkaClusterPassword -ClusterId $id -Force -Debug")]
    [InlineData("GET", "/v2/kafka/cluster/*", "Get-UpstashKafkaCluster -ClusterId $id -Debug")]
    [InlineData("GET", "/v2/kafka/credentials", "Get-UpstashKafkaCredential -Debug")]
    public void A_cut_off_reply_is_an_InvalidResult_that_never_quotes_the_password(string method, string path, string script)
    {
        string cut = $"{{\"cluster_id\":\"{EmulatorOptions.DemoClusterId}\",\"username\":\"u\",\"password\":\"{CutSecret}\",\"region\":";
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.ReplaceBody, Method = method, Path = path, Body = cut, Count = 5 });

        RunResult result = Run(script);

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.DoesNotContain(CutSecret, result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Debug_masks_every_secret_looking_field_of_a_reply_not_only_the_password()
    {
        string reply = $"{{\"cluster_id\":\"{EmulatorOptions.DemoClusterId}\",\"name\":\"demo-cluster\",\"username\":\"u\",\"password\":\"p-1\"," +
            "\"rest_token\":\"REST-TOKEN-SECRET-2\",\"extra\":{\"client_secret\":\"NESTED-SECRET-3\"}}";
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.ReplaceBody, Method = "GET", Path = "/v2/kafka/cluster/*", Body = reply });

        RunResult result = Run("Get-UpstashKafkaCluster -ClusterId $id -Debug");

        result.AssertNoErrors();
        Assert.Contains(result.Debug, d => d.Contains("rest_token", StringComparison.Ordinal));
        Assert.DoesNotContain("REST-TOKEN-SECRET-2", result.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("NESTED-SECRET-3", result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_success_to_a_create_not_yet_listed_is_not_called_not_created_and_not_sent_again()
    {
        // The create is applied and answered 200 with a body that is not JSON; the list does not show it yet.
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.MalformedBody, Method = "POST", Path = "/v2/kafka/credential", Body = "<html>ok</html>" });
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.ReplaceBody, Method = "GET", Path = "/v2/kafka/credentials", Body = "[]", Count = 10 });

        RunResult result = Run("New-UpstashKafkaCredential -Name app -ClusterId $id -Topic '*' -Permission All");

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.DoesNotContain("was not created", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Get-UpstashKafkaCredential", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, Emulator.Server.Journal.Count("POST", "/v2/kafka/credential"));
    }
}
