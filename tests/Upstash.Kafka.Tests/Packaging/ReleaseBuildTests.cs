using Upstash.Kafka.Tests.RealShell;

namespace Upstash.Kafka.Tests.Packaging;

/// <summary>
/// The gallery never gets an unoptimized module by accident: `build.ps1 -Package` packs a Release build unless Debug
/// is asked for by name, and refuses a Debug build it is told is a release. (A Debug build runs the module with the
/// JIT optimizer off, on every call, for good.)
/// </summary>
[Collection(ReleasePackagesCollection.Name)]
public sealed class ReleaseBuildTests
{
    private static string[] Stamps() =>
        Directory.GetFiles(ReleasePackages.Folder, "*.nupkg").Order(StringComparer.Ordinal).Select(f => f + " " + File.GetLastWriteTimeUtc(f).Ticks).ToArray();

    [Fact]
    public async Task Packing_the_Debug_build_as_a_release_is_refused_and_leaves_the_packages_alone()
    {
        // `dotnet test Upstash.sln` builds Debug, so out/Upstash.Kafka holds a Debug build here; a Release test run
        // has no Debug build to refuse, and proves only that the packages are left alone.
        string[] before = Stamps();

        ChildProcessResult run = await ReleasePackages.PackAsync("Release");

        if (ReleasePackages.Configuration == "Debug")
        {
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("holds a Debug build", run.AllOutput, StringComparison.Ordinal);
            Assert.Equal(before, Stamps());
        }
        else
        {
            Assert.True(run.ExitCode == 0, run.AllOutput);
        }
    }
}
