using System.Reflection;

namespace Upstash.Kafka.Tests.Infrastructure;

/// <summary>Paths in the repository the tests were built from.</summary>
public static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string ModuleManifest => Path.Combine(Root, "out", "Upstash.Kafka", "Upstash.Kafka.psd1");

    public static string ModuleFolder => Path.Combine(Root, "out", "Upstash.Kafka");

    public static string File(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());
}
