using System.Management.Automation;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Reliability;

/// <summary>Replies no well-behaved server sends: each one is a clear error record, never a crash, a hang or a half-filled object.</summary>
public sealed class MalformedReplyTests
{
    private static RunResult CreateAgainst(FixedReplyServer server, int timeoutSec = 30)
    {
        using var session = new ModuleSession();
        session.Connect(new PSCredential("x@example.com", new System.Net.NetworkCredential(string.Empty, "some-api-key-1234").SecurePassword), server.BaseUri, timeoutSec);
        return session.Run(
            "New-UpstashKafkaConnector -Name orders -ClusterId $c -Property @{ 'connector.class' = 'x'; 'database.password' = 'pw-never-shown' } -Verbose -Debug -MaxRetry 0",
            new Dictionary<string, object?> { ["c"] = EmulatorOptions.DemoClusterId });
    }

    private static ErrorRecord SingleError(RunResult result, string expectedId, ErrorCategory category)
    {
        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(expectedId + ",Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.IsNotType<NullReferenceException>(error.Exception);
        Assert.DoesNotContain("pw-never-shown", result.AllText());
        Assert.DoesNotContain("some-api-key-1234", result.AllText());
        return error;
    }

    [Fact]
    public void An_html_error_page_is_summarised_not_dumped()
    {
        string html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>" + new string('x', 5000) + "</body></html>";
        using var server = new FixedReplyServer(FixedReplyServer.Response(502, "Bad Gateway", "text/html", html));

        ErrorRecord error = SingleError(CreateAgainst(server), "NewConnectorServerError", ErrorCategory.ConnectionError);

        Assert.Contains("502", error.Exception.Message);
        Assert.Contains("HTML page", error.Exception.Message);
        Assert.DoesNotContain("<html", error.Exception.Message);
    }

    [Fact]
    public void A_success_with_html_is_an_invalid_response()
    {
        using var server = new FixedReplyServer(FixedReplyServer.Response(200, "OK", "text/html", "<html><body>Login</body></html>"));

        ErrorRecord error = SingleError(CreateAgainst(server), "NewConnectorInvalidResponse", ErrorCategory.InvalidResult);
        Assert.Contains("not valid JSON", error.Exception.Message);
    }

    [Fact]
    public void A_truncated_body_is_an_error_not_a_partial_connector()
    {
        const string Cut = "{\"connector_id\":\"431ec970-b59d-4b00-95fe-5f3abcc52c2f\",\"name\":\"orders\",\"sta";
        using var server = new FixedReplyServer($"HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 500\nConnection: close\n\n{Cut}");

        RunResult result = CreateAgainst(server);

        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.StartsWith("NewConnector", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_success_body_is_an_invalid_response()
    {
        using var server = new FixedReplyServer(FixedReplyServer.Response(200, "OK", "application/json", string.Empty));

        ErrorRecord error = SingleError(CreateAgainst(server), "NewConnectorInvalidResponse", ErrorCategory.InvalidResult);
        Assert.Contains("empty", error.Exception.Message);
    }

    [Theory]
    [InlineData("\"OK\"", "a string")]
    [InlineData("[]", "an array")]
    [InlineData("{\"name\":\"orders\"}", "no connector_id")]
    [InlineData("{\"connector_id\":\"1\",\"tasks\":\"none\"}", "'tasks'")]
    [InlineData("{\"connector_id\":\"1\",\"creation_time\":\"yesterday\"}", "'creation_time'")]
    public void A_success_whose_body_is_not_a_connector_is_an_invalid_response(string body, string expectedHint)
    {
        using var server = new FixedReplyServer(FixedReplyServer.Response(200, "OK", "application/json", body));

        ErrorRecord error = SingleError(CreateAgainst(server), "NewConnectorInvalidResponse", ErrorCategory.InvalidResult);
        Assert.Contains(expectedHint, error.Exception.Message);
    }

    [Fact]
    public void Unknown_fields_and_numbers_as_strings_are_tolerated()
    {
        const string Body = "{\"connector_id\":\"c1\",\"name\":\"orders\",\"creation_time\":\"1684369147\",\"TTL\":1684370947,\"brand_new_field\":{\"a\":1}}";
        using var server = new FixedReplyServer(FixedReplyServer.Response(200, "OK", "application/json", Body));

        RunResult result = CreateAgainst(server);

        result.AssertNoErrors();
        PSObject connector = Assert.Single(result.Output);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1684369147), connector.Properties["CreationTime"].Value);
        Assert.Equal("{\"a\":1}", ((IDictionary<string, string>)connector.Properties["AdditionalFields"].Value)["brand_new_field"]);
    }

    [Fact]
    public void Unknown_fields_that_quote_secrets_are_masked()
    {
        const string Body = "{\"connector_id\":\"c1\",\"name\":\"orders\",\"properties\":{\"connection.uri\":\"mongodb://app:pw-known-1@h\"}," +
                            "\"last_error\":\"auth failed for mongodb://app:pw-known-1@h\",\"probe\":\"jdbc:postgresql://u:pw-uri-2@db/x failed\"," +
                            "\"config\":{\"database.password\":\"pw-nested-3\",\"tasks.max\":\"1\"}}";
        using var server = new FixedReplyServer(FixedReplyServer.Response(200, "OK", "application/json", Body));

        RunResult result = CreateAgainst(server);

        result.AssertNoErrors();
        var fields = (IDictionary<string, string>)Assert.Single(result.Output).Properties["AdditionalFields"].Value;
        Assert.Equal(new[] { "config", "last_error", "probe" }, fields.Keys.Order());
        string shown = string.Join("\n", fields.Values);
        Assert.DoesNotContain("pw-known-1", shown);
        Assert.DoesNotContain("pw-uri-2", shown);
        Assert.DoesNotContain("pw-nested-3", shown);
        Assert.Contains("\"tasks.max\":\"1\"", fields["config"]);
    }

    [Fact]
    public void A_server_that_never_answers_times_out_with_OperationTimeout()
    {
        using var server = new FixedReplyServer(FixedReplyServer.Response(200, "OK", "application/json", "{}"), delay: TimeSpan.FromMinutes(5));

        ErrorRecord error = SingleError(CreateAgainst(server, timeoutSec: 1), "NewConnectorTimeout", ErrorCategory.OperationTimeout);
        Assert.Contains("1 seconds", error.Exception.Message);
    }

    [Fact]
    public void A_body_that_stops_arriving_times_out_instead_of_hanging()
    {
        using var server = new FixedReplyServer(
            "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 5000\n\n{\"connector_id\":\"abc\",",
            holdOpen: TimeSpan.FromMinutes(5));

        ErrorRecord error = SingleError(CreateAgainst(server, timeoutSec: 1), "NewConnectorTimeout", ErrorCategory.OperationTimeout);
        Assert.Contains("did not answer within 1 seconds", error.Exception.Message);
    }

    [Fact]
    public void A_huge_body_is_refused_without_reading_it_all()
    {
        string huge = "{\"connector_id\":\"abc\",\"state_error_message\":\"" + new string('x', 9 * 1024 * 1024) + "\"}";
        using var server = new FixedReplyServer(FixedReplyServer.Response(200, "OK", "application/json", huge));

        ErrorRecord error = SingleError(CreateAgainst(server), "NewConnectorInvalidResponse", ErrorCategory.InvalidResult);
        Assert.Contains("larger than 8 MiB", error.Exception.Message);
    }

    [Fact]
    public void Nothing_listening_is_a_connection_error()
    {
        var server = new FixedReplyServer("irrelevant");
        Uri gone = server.BaseUri;
        server.Dispose();
        using var session = new ModuleSession();
        session.Connect(new PSCredential("x@example.com", new System.Net.NetworkCredential(string.Empty, "some-api-key-1234").SecurePassword), gone);

        RunResult result = session.Run("New-UpstashKafkaConnector -Name orders -ClusterId c -Property @{ 'connector.class' = 'x' }");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("NewConnectorConnectionFailed,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
    }
}
