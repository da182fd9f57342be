namespace Upstash.Kafka.Tests.Infrastructure;

/// <summary>
/// Sets process environment variables for one test and restores them after. Environment variables are process-wide,
/// so every test that uses this belongs to the <see cref="EnvironmentCollection"/>, which never runs in parallel.
/// </summary>
public sealed class EnvironmentScope : IDisposable
{
    public static readonly string[] UpstashVariables = { "UPSTASH_EMAIL", "UPSTASH_API_KEY", "UPSTASH_API_URL" };

    private readonly Dictionary<string, string?> saved = new();

    public EnvironmentScope(IDictionary<string, string?> values)
    {
        foreach (string name in UpstashVariables.Concat(values.Keys).Distinct())
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, values.TryGetValue(name, out string? value) ? value : null);
        }
    }

    public void Dispose()
    {
        foreach (KeyValuePair<string, string?> pair in saved)
        {
            Environment.SetEnvironmentVariable(pair.Key, pair.Value);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}
