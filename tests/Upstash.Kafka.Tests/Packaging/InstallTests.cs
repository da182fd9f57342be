using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Infrastructure;
using Upstash.Kafka.Tests.RealShell;
using Xunit.Abstractions;

namespace Upstash.Kafka.Tests.Packaging;

/// <summary>
/// The gallery package installed as a user installs it, in real pwsh: Install.Tests.ps1 (Pester) with
/// Install-Module and Install-PSResource from a temporary folder repository, each in a throwaway profile, then the
/// module imported by name and used against an emulator started here.
/// </summary>
[Collection(ReleasePackagesCollection.Name)]
public sealed class InstallTests(ReleasePackages packages, ITestOutputHelper output)
{
    [Fact]
    public async Task The_package_installs_imports_by_name_works_updates_and_uninstalls_cleanly()
    {
        var options = new EmulatorOptions { Email = "install@example.com", ApiKey = "install-key-" + Guid.NewGuid().ToString("N") };
        await using EmulatorServer emulator = await EmulatorServer.StartAsync(options);
        Dictionary<string, string> environment = PesterRun.EmulatorEnvironment(emulator);
        environment["UPSTASH_KAFKA_PACKAGES"] = Path.GetDirectoryName(packages.ModulePackage)!;

        await PesterRun.RunAsync(Repo.File("tests", "Upstash.Kafka.Tests", "Packaging", "Install.Tests.ps1"), environment, output);
    }
}
