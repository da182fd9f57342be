using System.Management.Automation;
using System.Xml.Linq;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Conventions;

/// <summary>
/// The built module folder is what users install: exactly the allow-listed files, a manifest PowerShell accepts with
/// the one version and the metadata the gallery shows, small, and quiet on import.
/// </summary>
public sealed class ModuleLayoutTests
{
    private static readonly string[] AllowedFiles =
    {
        "Newtonsoft.Json.dll",
        "Upstash.Kafka.Format.ps1xml",
        "Upstash.Kafka.dll",
        "Upstash.Kafka.psd1",
        "en-US/Upstash.Kafka.dll-help.xml",
        "en-US/about_Upstash.Kafka.help.txt",
    };

    /// <summary>The PSData tags conventions.md lists.</summary>
    private static readonly string[] Tags = { "Upstash", "Kafka", "KafkaConnect", "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS" };

    [Fact]
    public void The_module_folder_holds_exactly_the_allow_listed_files()
    {
        var files = ModuleFiles().Select(f => Path.GetRelativePath(Repo.ModuleFolder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

        // Named first so a failure says what went wrong: each of these breaks or bloats the module.
        Assert.DoesNotContain(files, f => f.EndsWith("System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(AllowedFiles.Order(StringComparer.Ordinal), files);
    }

    /// <summary>
    /// What a user downloads. Newtonsoft.Json (705 KB) is fixed by the 5.1 build; the rest is the module's own dll and
    /// help for about 35 cmdlets. The budget grew from 1 MB when the rest of the account and connectors as code
    /// arrived, and to 2 MB with Kafka Connect (a second kind of server for every connector cmdlet, and its help); a
    /// jump past it means something was shipped that should not be (a pdb, a second copy of a dependency).
    /// </summary>
    [Fact]
    public void The_module_folder_is_under_two_megabytes()
    {
        long bytes = ModuleFiles().Sum(f => new FileInfo(f).Length);

        Assert.True(bytes < 2048 * 1024, $"out/Upstash.Kafka holds {bytes} bytes; keep the module under 2 MB.");
    }

    [Fact]
    public void Test_ModuleManifest_passes_and_shows_the_version_from_Directory_Build_props()
    {
        using var session = new ModuleSession();
        RunResult result = session.Run("Test-ModuleManifest -Path $manifest", new Dictionary<string, object?> { ["manifest"] = Repo.ModuleManifest });

        result.AssertNoErrors();
        Assert.Empty(result.Warnings);
        PSModuleInfo module = result.Single<PSModuleInfo>();
        Assert.Equal("Upstash.Kafka", module.Name);
        Assert.Equal(Version.Parse(ProjectVersion()), module.Version);
    }

    [Fact]
    public void The_manifest_declares_both_editions_the_minimum_versions_and_the_gallery_metadata()
    {
        using var session = new ModuleSession();
        PSModuleInfo module = session.Run("Test-ModuleManifest -Path $manifest", new Dictionary<string, object?> { ["manifest"] = Repo.ModuleManifest })
            .Single<PSModuleInfo>();

        Assert.Equal(new[] { "Core", "Desktop" }, module.CompatiblePSEditions.Order(StringComparer.Ordinal));
        Assert.Equal(new Version(5, 1), module.PowerShellVersion);
        Assert.Equal(new Version(4, 7, 2), module.DotNetFrameworkVersion);
        Assert.Equal("Upstash.Kafka.dll", Path.GetFileName(module.RootModule));
        Assert.Empty(module.RequiredAssemblies);
        Assert.Equal(Tags.Order(StringComparer.Ordinal), module.Tags.Order(StringComparer.Ordinal));
        // No invented address: the project has no public home yet, and the package carries LICENSE instead.
        Assert.Null(module.ProjectUri);
        Assert.Null(module.LicenseUri);
    }

    [Fact]
    public void The_release_notes_are_this_versions_changelog_entry()
    {
        using var session = new ModuleSession();
        PSModuleInfo module = session.Run("Test-ModuleManifest -Path $manifest", new Dictionary<string, object?> { ["manifest"] = Repo.ModuleManifest })
            .Single<PSModuleInfo>();
        string changelog = File.ReadAllText(Repo.File("CHANGELOG.md")).ReplaceLineEndings("\n");
        string heading = $"## [{ProjectVersion()}] - ";
        int start = changelog.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"CHANGELOG.md has no heading '{heading}...'");
        string entry = changelog[(changelog.IndexOf('\n', start) + 1)..];
        entry = entry[..(entry.IndexOf("\n## ", StringComparison.Ordinal) is int next and >= 0 ? next : entry.Length)].Trim();

        Assert.StartsWith("### ", entry, StringComparison.Ordinal);
        Assert.Equal(entry, module.ReleaseNotes.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_manifest_description_tells_of_the_service_shutdown()
    {
        string description = (string)ConventionTests.BuiltManifest()["Description"]!;

        Assert.Contains("2025-03-11", description, StringComparison.Ordinal);
        Assert.Contains("emulator", description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Importing_the_module_writes_no_warning_and_no_output()
    {
        using var session = new ModuleSession();
        // A fresh import in the same runspace runs every import check again (verb names, formats, help location).
        RunResult result = session.Run(
            "Remove-Module Upstash.Kafka; Import-Module $manifest",
            new Dictionary<string, object?> { ["manifest"] = Repo.ModuleManifest });

        result.AssertNoErrors();
        Assert.Empty(result.Warnings);
        Assert.Empty(result.Output);
        Assert.Equal(string.Empty, result.HostOutput);
    }

    private static IEnumerable<string> ModuleFiles() => Directory.EnumerateFiles(Repo.ModuleFolder, "*", SearchOption.AllDirectories);

    private static string ProjectVersion() =>
        XDocument.Load(Repo.File("Directory.Build.props")).Descendants("Version").Single().Value;
}
