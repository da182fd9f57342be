using System.Reflection;

namespace Upstash.Kafka.Benchmarks.Infrastructure;

/// <summary>Paths in the repository the benchmark was built from.</summary>
public static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string ModuleFolder => Path.Combine(Root, "out", "Upstash.Kafka");

    public static string ModuleManifest => Path.Combine(ModuleFolder, "Upstash.Kafka.psd1");

    /// <summary>A script shipped beside the benchmark (Scripts/*.ps1).</summary>
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Scripts", name);
}
