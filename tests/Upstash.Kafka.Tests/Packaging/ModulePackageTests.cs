using System.IO.Compression;
using System.Xml.Linq;
using Upstash.Kafka.Tests.Conventions;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Packaging;

/// <summary>
/// What `build.ps1 -Package` puts in out/packages/: the gallery package holds the built module folder, LICENSE and
/// NuGet's own parts, nothing else; its metadata is the manifest's; the emulator package is a .NET tool.
/// </summary>
[Collection(ReleasePackagesCollection.Name)]
public sealed class ModulePackageTests(ReleasePackages packages)
{
    /// <summary>The parts every nupkg has, which NuGet and the gallery need.</summary>
    private static bool IsNuGetPart(string entry) =>
        entry is "_rels/.rels" or "[Content_Types].xml" || entry.EndsWith(".nuspec", StringComparison.Ordinal) ||
        entry.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal);

    private static List<string> Entries(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName.Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
    }

    private static XElement Nuspec(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        using Stream stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Field(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    [Fact]
    public void The_module_package_holds_the_module_folder_and_LICENSE_and_nothing_else()
    {
        List<string> entries = Entries(packages.ModulePackage);
        var moduleFiles = Directory.EnumerateFiles(Repo.ModuleFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.ModuleFolder, f).Replace('\\', '/'));

        // Named first so a failure says what went wrong: each of these breaks or bloats an installed module.
        Assert.DoesNotContain(entries, e => e.EndsWith("System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.Contains("Tests", StringComparison.OrdinalIgnoreCase) || e.Contains("pester", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(moduleFiles.Append("LICENSE").Order(StringComparer.Ordinal), entries.Where(e => !IsNuGetPart(e)));
    }

    [Fact]
    public void The_packaged_files_are_the_built_ones_byte_for_byte()
    {
        using ZipArchive zip = ZipFile.OpenRead(packages.ModulePackage);
        foreach (string file in new[] { "Upstash.Kafka.dll", "Upstash.Kafka.psd1", "en-US/Upstash.Kafka.dll-help.xml" })
        {
            using var packed = new MemoryStream();
            using (Stream entry = zip.GetEntry(file)!.Open())
            {
                entry.CopyTo(packed);
            }

            Assert.True(File.ReadAllBytes(Path.Combine(Repo.ModuleFolder, file)).AsSpan().SequenceEqual(packed.ToArray()), $"{file} in the package differs from out/Upstash.Kafka/{file}");
        }

        Assert.Equal(File.ReadAllText(Repo.File("LICENSE")), new StreamReader(zip.GetEntry("LICENSE")!.Open()).ReadToEnd());
    }

    [Fact]
    public void The_gallery_shows_the_manifests_description_tags_and_release_notes_and_no_invented_address()
    {
        XElement metadata = Nuspec(packages.ModulePackage);
        var manifest = ConventionTests.BuiltManifest();
        var psData = (System.Collections.Hashtable)((System.Collections.Hashtable)manifest["PrivateData"]!)["PSData"]!;

        Assert.Equal("Upstash.Kafka", Field(metadata, "id"));
        Assert.Equal(packages.Version, Field(metadata, "version"));
        Assert.Equal((string)manifest["Description"]!, Field(metadata, "description"));
        Assert.StartsWith("### ", Field(metadata, "releaseNotes"), StringComparison.Ordinal);
        Assert.Equal(((string)psData["ReleaseNotes"]!).ReplaceLineEndings("\n"), Field(metadata, "releaseNotes")!.ReplaceLineEndings("\n"));
        string[] tags = Field(metadata, "tags")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("PSModule", tags);
        Assert.All(ConventionTests.Strings(psData["Tags"]), tag => Assert.Contains(tag, tags));
        Assert.Null(Field(metadata, "projectUrl"));
        Assert.Null(Field(metadata, "licenseUrl"));
    }

    [Fact]
    public void The_emulator_package_is_a_dotnet_tool_named_upstash_kafka_emulator_with_the_license()
    {
        List<string> entries = Entries(packages.EmulatorPackage);
        XElement metadata = Nuspec(packages.EmulatorPackage);
        using ZipArchive zip = ZipFile.OpenRead(packages.EmulatorPackage);
        ZipArchiveEntry settings = zip.Entries.Single(e => e.Name == "DotnetToolSettings.xml");
        XElement command = XDocument.Load(settings.Open()).Descendants("Command").Single();

        Assert.Equal("upstash-kafka-emulator", Field(metadata, "id"));
        Assert.Equal(packages.Version, Field(metadata, "version"));
        Assert.Contains(metadata.Elements(), e => e.Name.LocalName == "packageTypes" && e.ToString().Contains("DotnetTool", StringComparison.Ordinal));
        Assert.Equal("upstash-kafka-emulator", command.Attribute("Name")!.Value);
        Assert.Equal("Upstash.Kafka.Emulator.dll", command.Attribute("EntryPoint")!.Value);
        Assert.Contains("LICENSE", entries);
        Assert.Equal("LICENSE", Field(metadata, "license"));
        Assert.DoesNotContain(entries, e => e.Contains("Upstash.Kafka.dll", StringComparison.Ordinal) || e.Contains("Tests", StringComparison.Ordinal));
    }
}
