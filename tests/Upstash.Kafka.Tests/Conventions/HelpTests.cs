using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Conventions;

/// <summary>
/// Every exported cmdlet has hand-written help that a user can rely on: Get-Help shows a real synopsis and description,
/// describes every parameter as it actually binds, and gives at least two examples. Without a MAML entry PowerShell
/// invents a synopsis from the syntax and leaves everything else empty, which these tests catch.
/// </summary>
public sealed class HelpTests : IClassFixture<ImportedModuleFixture>
{
    private readonly ModuleSession session;

    public HelpTests(ImportedModuleFixture fixture)
    {
        session = fixture.Session;
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Synopsis_is_written_not_the_generated_syntax(string cmdlet)
    {
        CommandHelp help = CommandHelp.Read(session, cmdlet);

        Assert.False(string.IsNullOrWhiteSpace(help.Synopsis), $"{cmdlet} has no synopsis.");
        // PowerShell's stand-in synopsis is the syntax line: "Name [-Param] <type> ... [<CommonParameters>]".
        Assert.DoesNotMatch(@"^\s*" + Regex.Escape(cmdlet) + @"\s*(\[|-|$)", help.Synopsis);
        Assert.DoesNotContain("<CommonParameters>", help.Synopsis, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Has_a_description(string cmdlet)
    {
        CommandHelp help = CommandHelp.Read(session, cmdlet);

        Assert.False(string.IsNullOrWhiteSpace(help.Description), $"{cmdlet} has no description.");
        Assert.NotEqual(help.Synopsis.Trim(), help.Description.Trim());
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Describes_every_parameter_and_no_parameter_that_does_not_exist(string cmdlet)
    {
        CommandHelp help = CommandHelp.Read(session, cmdlet);
        IReadOnlyDictionary<string, ParameterMetadata> parameters = OwnParameters(cmdlet);

        var undescribed = parameters.Keys
            .Where(name => string.IsNullOrWhiteSpace(help.Parameters.FirstOrDefault(p => Same(p.Name, name))?.Description))
            .ToList();
        Assert.True(undescribed.Count == 0, $"{cmdlet}: no description for -{string.Join(", -", undescribed)}.");

        var stale = help.Parameters.Select(p => p.Name)
            .Where(name => !parameters.ContainsKey(name) && !IsCommonParameter(name))
            .ToList();
        Assert.True(stale.Count == 0, $"{cmdlet}: help describes -{string.Join(", -", stale)}, which the cmdlet does not have.");
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Parameter_help_says_how_each_parameter_binds(string cmdlet)
    {
        CommandHelp help = CommandHelp.Read(session, cmdlet);
        var problems = new List<string>();
        foreach ((string name, ParameterMetadata metadata) in OwnParameters(cmdlet))
        {
            ParameterHelp? documented = help.Parameters.FirstOrDefault(p => Same(p.Name, name));
            if (documented == null)
            {
                continue; // Reported by Describes_every_parameter...
            }

            ICollection<ParameterSetMetadata> sets = metadata.ParameterSets.Values;
            if (sets.All(s => s.IsMandatory) && !Same(documented.Required, "true"))
            {
                problems.Add($"-{name} is mandatory but help says required={documented.Required}");
            }

            if (sets.All(s => !s.IsMandatory) && !Same(documented.Required, "false"))
            {
                problems.Add($"-{name} is optional but help says required={documented.Required}");
            }

            var positions = sets.Select(s => s.Position >= 0 ? s.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named").Distinct().ToList();
            if (positions.Count == 1 && !Same(documented.Position, positions[0]))
            {
                problems.Add($"-{name} has position {positions[0]} but help says {documented.Position}");
            }

            bool byPropertyName = sets.Any(s => s.ValueFromPipelineByPropertyName);
            bool byValue = sets.Any(s => s.ValueFromPipeline);
            if (byPropertyName != documented.PipelineInput.Contains("ByPropertyName", StringComparison.OrdinalIgnoreCase)
                || byValue != documented.PipelineInput.Contains("ByValue", StringComparison.OrdinalIgnoreCase)
                || (!byValue && !byPropertyName && !Same(documented.PipelineInput, "false")))
            {
                problems.Add($"-{name} takes pipeline input {(byValue ? "ByValue " : string.Empty)}{(byPropertyName ? "ByPropertyName" : string.Empty)} but help says '{documented.PipelineInput}'");
            }

            foreach (string alias in metadata.Aliases.Where(a => !documented.Aliases.Split(',', ' ').Any(d => Same(d, a))))
            {
                problems.Add($"-{name} has the alias {alias}, which help does not list");
            }
        }

        Assert.True(problems.Count == 0, $"{cmdlet}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Syntax_shows_every_parameter_set(string cmdlet)
    {
        CommandHelp help = CommandHelp.Read(session, cmdlet);
        RunResult command = session.Run("(Get-Command -Name $name -Module Upstash.Kafka).ParameterSets.Count", new Dictionary<string, object?> { ["name"] = cmdlet });

        Assert.Equal((int)Assert.Single(command.Output).BaseObject, help.SyntaxItems);
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Has_at_least_two_examples_with_code(string cmdlet)
    {
        CommandHelp help = CommandHelp.Read(session, cmdlet);

        Assert.True(help.ExampleCode.Count >= 2, $"{cmdlet} has {help.ExampleCode.Count} example(s); give at least two.");
        Assert.All(help.ExampleCode, code => Assert.Contains(cmdlet, code, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Examples_parse_and_stand_alone(string cmdlet)
    {
        CommandHelp help = CommandHelp.Read(session, cmdlet);
        var problems = help.ExampleCode
            .SelectMany((code, index) => ExampleVariables.Problems(code).Select(problem => $"Example {index + 1} {problem}"))
            .ToList();

        Assert.True(problems.Count == 0, $"{cmdlet}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Names_its_inputs_and_every_output_type(string cmdlet)
    {
        CommandHelp help = CommandHelp.Read(session, cmdlet);
        Type type = ExportedCmdlets.ImplementingType(session, cmdlet);
        var declared = type.GetCustomAttributes(typeof(OutputTypeAttribute), inherit: true).Cast<OutputTypeAttribute>()
            .SelectMany(a => a.Type).Select(t => t.Type?.FullName ?? t.Name).Where(n => n != typeof(void).FullName).ToList();

        Assert.NotEmpty(help.Inputs);
        Assert.NotEmpty(help.Outputs);
        Assert.All(declared, output => Assert.Contains(output, help.Outputs));
    }

    [Fact]
    public void Examples_of_all_cmdlets_create_connectors_with_names_no_other_example_uses()
    {
        var created = ExportedCmdlets.Names
            .SelectMany(cmdlet => CommandHelp.Read(session, cmdlet).ExampleCode.SelectMany((code, index) =>
                ExampleConnectorNames.Created(code).Select(name => (Name: name, Example: $"{cmdlet} example {index + 1}"))))
            .ToList();
        var reused = created.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' in {string.Join(", ", g.Select(c => c.Example))}")
            .ToList();

        Assert.NotEmpty(created);
        Assert.True(reused.Count == 0, "Run in sequence against one emulator, these examples collide:\n" + string.Join("\n", reused));
    }

    [Fact]
    public void The_help_file_holds_one_entry_per_exported_cmdlet_and_nothing_else()
    {
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        XDocument file = XDocument.Load(Path.Combine(Repo.ModuleFolder, "en-US", "Upstash.Kafka.dll-help.xml"));
        var documented = file.Root!.Elements(command + "command")
            .Select(c => (string)c.Element(command + "details")!.Element(command + "name")!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(ExportedCmdlets.Names, documented);
    }

    [Fact]
    public void About_topic_is_found_by_get_help_and_states_the_shutdown()
    {
        RunResult result = session.Run("Get-Help -Name about_Upstash.Kafka");
        result.AssertNoErrors();
        string text = string.Join("\n", result.Output.Select(o => o.BaseObject.ToString()));

        Assert.Contains("about_Upstash.Kafka", text, StringComparison.Ordinal);
        Assert.Contains("2025-03-11", text, StringComparison.Ordinal);
        Assert.Contains("UPSTASH_API_KEY", text, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Upstash.Kafka.Emulator", text, StringComparison.Ordinal);

        // A SecureString is readable text in an Export-Clixml file on Linux and macOS, where most runbooks now run.
        Assert.Contains("Export-Clixml writes a PSCredential's password as readable text", text, StringComparison.Ordinal);
    }

    [Fact]
    public void About_topic_names_every_exported_cmdlet()
    {
        string text = File.ReadAllText(Path.Combine(Repo.ModuleFolder, "en-US", "about_Upstash.Kafka.help.txt"));

        Assert.All(ExportedCmdlets.Names, cmdlet => Assert.Contains(cmdlet, text, StringComparison.Ordinal));
    }

    /// <summary>The cmdlet's parameters without the common ones PowerShell documents itself (WhatIf and Confirm stay in).</summary>
    private IReadOnlyDictionary<string, ParameterMetadata> OwnParameters(string cmdlet)
    {
        RunResult result = session.Run("(Get-Command -Name $name -Module Upstash.Kafka).Parameters", new Dictionary<string, object?> { ["name"] = cmdlet });
        var all = (IDictionary<string, ParameterMetadata>)Assert.Single(result.Output).BaseObject;
        return all.Where(p => !Cmdlet.CommonParameters.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsCommonParameter(string name) => Cmdlet.CommonParameters.Contains(name) || Cmdlet.OptionalCommonParameters.Contains(name);

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
