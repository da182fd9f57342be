using System.Collections;
using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.ConnectorsAsCode;

/// <summary>Runs Test-UpstashKafkaConnectorConfig in a session and reads its results into plain values.</summary>
public static class ConfigValidation
{
    public static TestedConfig Property(ModuleSession session, Hashtable properties, string? name = null)
    {
        string nameParameter = name == null ? string.Empty : " -Name $n";
        RunResult result = session.Run($"Test-UpstashKafkaConnectorConfig -Property $p{nameParameter}", new Dictionary<string, object?> { ["p"] = properties, ["n"] = name });
        result.AssertNoErrors();
        return Read(Assert.Single(result.Output));
    }

    public static TestedConfig Read(PSObject result)
    {
        Assert.Equal("Upstash.Kafka.ConnectorConfigTestResult", result.BaseObject.GetType().FullName);
        var problems = ((IEnumerable)result.Properties["Problems"].Value).Cast<object>().Select(PSObject.AsPSObject)
            .Select(p => new Problem((string)p.Properties["Key"].Value, p.Properties["Severity"].Value.ToString()!, (string)p.Properties["Message"].Value, p.ToString()))
            .ToList();
        return new TestedConfig((string)result.Properties["Name"].Value, (string?)result.Properties["Path"].Value, (bool)result.Properties["IsValid"].Value, problems);
    }
}

public sealed record TestedConfig(string Name, string? Path, bool IsValid, IReadOnlyList<Problem> Problems)
{
    public IEnumerable<Problem> Errors => Problems.Where(p => p.Severity == "Error");

    public IEnumerable<Problem> Warnings => Problems.Where(p => p.Severity == "Warning");

    /// <summary>The one problem, of that severity, about that key; fails when there is none or several.</summary>
    public Problem Single(string severity, string key) =>
        Assert.Single(Problems, p => p.Severity == severity && p.Key == key);

    public override string ToString() => $"{Name} valid={IsValid}: " + string.Join(" | ", Problems.Select(p => $"{p.Severity} [{p.Key}] {p.Message}"));
}

public sealed record Problem(string Key, string Severity, string Message, string Text);
