using System.Management.Automation;
using System.Text;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Reliability;

/// <summary>
/// Random and truncated connector documents, served as the create reply, never make the module throw anything but
/// its own error records: no NullReferenceException, no raw JSON reader exception, no half-filled connector.
/// </summary>
public sealed class ReplyFuzzTests : EmulatorSessionTest
{
    private const string Valid =
        "{\"connector_id\":\"431ec970-b59d-4b00-95fe-5f3abcc52c2f\",\"name\":\"n\",\"customer_id\":\"EMAIL\",\"cluster_id\":\"7568431c\"," +
        "\"creation_time\":1684369147,\"deletion_time\":0,\"state\":\"pending\",\"state_error_message\":\"\",\"connector_state\":\"\"," +
        "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"trace\":\"\"}],\"topics\":[\"a\"],\"connector_class\":\"x\",\"properties\":{\"k\":\"v\"}," +
        "\"encoded_username\":\"YXBw\",\"TTL\":1684370947}";

    public ReplyFuzzTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static IEnumerable<string> Documents(int seed, int count)
    {
        var random = new Random(seed);
        string[] scalars = { "null", "true", "-1", "1e400", "\"\"", "\"x\"", "[]", "{}", "[1,[2]]", "{\"a\":{\"b\":[]}}", "99999999999999999999" };
        for (int i = 0; i < count; i++)
        {
            switch (i % 4)
            {
                case 0:
                    yield return Valid[..random.Next(Valid.Length)];
                    break;
                case 1:
                    // A documented field given a random value of any type.
                    string[] fields = { "connector_id", "name", "creation_time", "deletion_time", "state", "tasks", "topics", "properties", "TTL" };
                    string field = fields[random.Next(fields.Length)];
                    int at = Valid.IndexOf("\"" + field + "\":", StringComparison.Ordinal) + field.Length + 3;
                    int end = FindValueEnd(Valid, at);
                    yield return Valid[..at] + scalars[random.Next(scalars.Length)] + Valid[end..];
                    break;
                case 2:
                    var bytes = Encoding.UTF8.GetBytes(Valid);
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(32, 127);
                    yield return Encoding.UTF8.GetString(bytes);
                    break;
                default:
                    yield return scalars[random.Next(scalars.Length)];
                    break;
            }
        }
    }

    private static int FindValueEnd(string json, int start)
    {
        int depth = 0;
        bool inString = false;
        for (int i = start; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                inString = c != '"' || json[i - 1] == '\\';
                continue;
            }

            switch (c)
            {
                case '"': inString = true; break;
                case '[' or '{': depth++; break;
                case ']' or '}' when depth == 0: return i;
                case ']' or '}': depth--; break;
                case ',' when depth == 0: return i;
            }
        }

        return json.Length;
    }

    [Fact]
    public void Random_and_truncated_documents_give_a_connector_or_the_modules_own_error()
    {
        int connectors = 0, errors = 0;
        foreach (string document in Documents(seed: 2026, count: 200))
        {
            Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.ReplaceBody, Method = "POST", Body = document });
            Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.ReplaceBody, Method = "GET", Body = "[]" });
            RunResult result = Session.Run(
                $"New-UpstashKafkaConnector -Name n -ClusterId {EmulatorOptions.DemoClusterId} -Property @{{ 'connector.class' = 'x' }} -MaxRetry 0");
            Emulator.Server.Faults.Clear();

            Assert.Null(result.Terminating);
            if (result.Output.Count == 1)
            {
                Assert.Empty(result.Errors);
                Assert.False(string.IsNullOrEmpty((string)result.Output[0].Properties["ConnectorId"].Value), document);
                connectors++;
                continue;
            }

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.True(error.Exception.GetType().FullName == "Upstash.Kafka.Api.UpstashApiException", document + " => " + error.Exception);
            Assert.StartsWith("NewConnector", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Null(error.Exception.InnerException);
            errors++;
        }

        Assert.True(connectors > 5 && errors > 100, $"{connectors} connectors, {errors} errors: the generator is not exercising both paths");
    }
}
