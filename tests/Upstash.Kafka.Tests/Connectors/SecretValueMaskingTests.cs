using System.Management.Automation;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Connectors;

/// <summary>
/// A value under a plain key is masked when it is a URI with user info or holds a password= part, whatever the key is
/// called, and shown as it is otherwise: read back from the API, and in what New-UpstashKafkaConnector writes.
/// </summary>
public sealed class SecretValueMaskingTests : EmulatorSessionTest
{
    public SecretValueMaskingTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [InlineData("jdbc:postgresql://app:s3cret@db.example.com:5432/shop", true)]
    [InlineData("mongodb+srv://app:s3cret@cluster0.example.net/orders", true)]
    [InlineData("  redis://app@cache.example.com:6379  ", true)]
    [InlineData("Server=db;User Id=app;Password=s3cret;", true)]
    [InlineData("ops@example.com", false)]
    [InlineData("https://example.com/hooks/a@b", false)]
    [InlineData("https://example.com/path?user=a@b", false)]
    [InlineData("com.mongodb.kafka.connect.MongoSourceConnector", false)]
    public void A_value_under_a_plain_key_is_masked_only_when_it_carries_user_info_or_a_password(string value, bool masked)
    {
        RunResult result = Session.Run(
            "$created = New-UpstashKafkaConnector -Name ('mask-' + [guid]::NewGuid()) -ClusterId $cluster -Property @{ 'connector.class' = 'x'; 'plain.setting' = $value }\n" +
            "$created\n" +
            "Get-UpstashKafkaConnector -ConnectorId $created.ConnectorId",
            new Dictionary<string, object?> { ["cluster"] = EmulatorOptions.DemoClusterId, ["value"] = value });

        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);
        foreach (PSObject connector in result.Output)
        {
            var properties = (IDictionary<string, string>)connector.Properties["Properties"].Value;
            Assert.Equal(masked ? "********" : value, properties["plain.setting"]);
        }
    }
}
