using System.Reflection;
using Upstash.Kafka.Tests.Conventions;
using Upstash.Kafka.Tests.Infrastructure;
using Upstash.Kafka.Tests.RealShell;

namespace Upstash.Kafka.Tests.Packaging;

/// <summary>
/// The release as `build.ps1 -Package` makes it: run once per test run, before the first packaging test, as
/// `dotnet pwsh ./build.ps1 -Package -NoBuild` (the build that `dotnet test` just did is packed as it is; building
/// again would rewrite out/ while other tests have the module loaded). So a fresh clone's `dotnet test` proves the
/// packages it made itself, never ones left over from an earlier build.
/// </summary>
public sealed class ReleasePackages : IAsyncLifetime
{
    public static readonly string Folder = Repo.File("out", "packages");

    /// <summary>The configuration this test assembly was built in, which is the one the module was built in.</summary>
    public static readonly string Configuration = typeof(ReleasePackages).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    /// <summary>The module's version, as the built manifest carries it.</summary>
    public string Version { get; private set; } = "";

    public string ModulePackage => Path.Combine(Folder, $"Upstash.Kafka.{Version}.nupkg");

    public string EmulatorPackage => Path.Combine(Folder, $"upstash-kafka-emulator.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        ChildProcessResult run = await PackAsync(Configuration);
        Assert.True(run.ExitCode == 0, $"build.ps1 -Package -NoBuild failed with exit code {run.ExitCode}:\n{run.AllOutput}");
        Version = (string)ConventionTests.BuiltManifest()["ModuleVersion"]!;
        Assert.True(File.Exists(ModulePackage), $"build.ps1 -Package did not write {ModulePackage}:\n{run.AllOutput}");
        Assert.True(File.Exists(EmulatorPackage), $"build.ps1 -Package did not write {EmulatorPackage}:\n{run.AllOutput}");
    }

    /// <summary>`dotnet pwsh ./build.ps1 -Package -NoBuild -Configuration <paramref name="configuration"/>`: packs out/ as it is.</summary>
    public static Task<ChildProcessResult> PackAsync(string configuration) =>
        ChildProcess.RunDotnetAsync(
            ["pwsh", "-NoProfile", "-NonInteractive", "-File", Repo.File("build.ps1"), "-Package", "-NoBuild", "-Configuration", configuration],
            new Dictionary<string, string>(),
            TimeSpan.FromMinutes(5));

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The packaging tests share one packing and run one after another (each installs into its own places).</summary>
[CollectionDefinition(Name)]
public sealed class ReleasePackagesCollection : ICollectionFixture<ReleasePackages>
{
    public const string Name = "Release packages";
}
