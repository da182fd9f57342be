using System.Reflection;

namespace Upstash.Kafka.TryIt;

/// <summary>Where the repository this program was built from keeps the built module and the scripts.</summary>
internal static class RepoPaths
{
    /// <summary>
    /// The repository root, stamped in at build time (MSBuild's RepoRoot, from Directory.Build.props), so the program
    /// finds out/ whatever the current directory is. Falls back to walking up from the program's own folder.
    /// </summary>
    public static string Root { get; } = FindRoot();

    public static string ModuleManifest => Path.Combine(Root, "out", "Upstash.Kafka", "Upstash.Kafka.psd1");

    public static string QuickStartScript => Path.Combine(Root, "src", "Upstash.Kafka.TryIt", "quickstart.ps1");

    private static string FindRoot()
    {
        string? stamped = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (!string.IsNullOrEmpty(stamped) && File.Exists(Path.Combine(stamped, "Upstash.sln")))
        {
            return Path.GetFullPath(stamped);
        }

        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Upstash.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the Upstash.Kafka repository (Upstash.sln) above " + AppContext.BaseDirectory);
    }
}
