using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Conventions;

/// <summary>
/// The PowerShell conventions every cmdlet keeps, checked by reflection over the cmdlet classes of the assembly the
/// imported module loaded (the same copy PowerShell uses; the test project never loads a second one).
/// </summary>
public sealed class ConventionTests : IClassFixture<ImportedModuleFixture>
{
    /// <summary>
    /// The rule for -WhatIf/-Confirm: every verb changes state on the server except these. Get and Wait only read;
    /// Connect and Disconnect only set or forget this session's own default credential and send nothing. Compare
    /// only reads the files and the cluster; Test only reads local files or a hashtable.
    /// </summary>
    private static readonly HashSet<string> VerbsThatChangeNothingRemote = new(StringComparer.Ordinal)
    {
        VerbsCommon.Get, VerbsLifecycle.Wait, VerbsCommunications.Connect, VerbsCommunications.Disconnect, VerbsData.Compare,
        VerbsDiagnostic.Test,
    };

    /// <summary>Parameters that identify a resource: piping an object that has them must bind them.</summary>
    private static readonly string[] IdentifyingParameters = { "ConnectorId", "ClusterId", "Name" };

    /// <summary>
    /// Parameters named like ids that name something else: Copy-UpstashKafkaConnector's -ClusterId is the
    /// destination's cluster, and bound from a piped Upstash connector it would take the source's.
    /// </summary>
    private static readonly HashSet<string> NotTheInputsIds = new(StringComparer.Ordinal) { "Copy-UpstashKafkaConnector -ClusterId" };

    private readonly ModuleSession session;

    public ConventionTests(ImportedModuleFixture fixture)
    {
        session = fixture.Session;
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Uses_an_approved_verb_and_the_UpstashKafka_noun_prefix(string cmdlet)
    {
        CmdletAttribute attribute = CmdletAttributeOf(cmdlet);

        Assert.Contains(attribute.VerbName, ApprovedVerbs());
        Assert.StartsWith("UpstashKafka", attribute.NounName, StringComparison.Ordinal);
        Assert.Equal(cmdlet, attribute.VerbName + "-" + attribute.NounName);
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Declares_its_output_type(string cmdlet)
    {
        Type type = ExportedCmdlets.ImplementingType(session, cmdlet);

        Assert.NotEmpty(type.GetCustomAttributes<OutputTypeAttribute>(inherit: true));
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Supports_WhatIf_and_Confirm_when_its_verb_changes_remote_state(string cmdlet)
    {
        CmdletAttribute attribute = CmdletAttributeOf(cmdlet);
        if (VerbsThatChangeNothingRemote.Contains(attribute.VerbName))
        {
            return;
        }

        Assert.True(attribute.SupportsShouldProcess, $"{cmdlet} changes state on the server but does not declare SupportsShouldProcess = true.");
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Remove_cmdlets_confirm_by_default_and_take_Force(string cmdlet)
    {
        CmdletAttribute attribute = CmdletAttributeOf(cmdlet);
        if (attribute.VerbName != VerbsCommon.Remove)
        {
            return;
        }

        Type type = ExportedCmdlets.ImplementingType(session, cmdlet);
        PropertyInfo? force = type.GetProperty("Force");
        Assert.Equal(ConfirmImpact.High, attribute.ConfirmImpact);
        Assert.True(force != null && force.PropertyType == typeof(SwitchParameter) && force.GetCustomAttributes<ParameterAttribute>().Any(),
            $"{cmdlet} deletes, so it needs a [Parameter] SwitchParameter Force for unattended use.");
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets.All), MemberType = typeof(ExportedCmdlets))]
    public void Ids_and_names_bind_from_the_pipeline_by_property_name(string cmdlet)
    {
        Type type = ExportedCmdlets.ImplementingType(session, cmdlet);
        var missing = type.GetProperties()
            .Where(p => IdentifyingParameters.Contains(p.Name, StringComparer.Ordinal) && !NotTheInputsIds.Contains(cmdlet + " -" + p.Name))
            .SelectMany(p => p.GetCustomAttributes<ParameterAttribute>().Select(a => (Property: p.Name, Attribute: a)))
            .Where(x => !x.Attribute.ValueFromPipelineByPropertyName)
            .Select(x => $"-{x.Property} in parameter set '{x.Attribute.ParameterSetName}'")
            .ToList();

        Assert.True(missing.Count == 0, $"{cmdlet}: no ValueFromPipelineByPropertyName on {string.Join(", ", missing)}.");
    }

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlets_the_assembly_defines()
    {
        Hashtable manifest = BuiltManifest();
        var listed = Strings(manifest["CmdletsToExport"]).Order(StringComparer.Ordinal).ToList();
        var defined = AssemblyCmdlets().Order(StringComparer.Ordinal).ToList();

        Assert.DoesNotContain(listed, name => name.Contains('*', StringComparison.Ordinal));
        Assert.Equal(defined, listed);
        Assert.Equal(defined, ExportedCmdlets.Names);
    }

    [Theory]
    [InlineData("FunctionsToExport")]
    [InlineData("AliasesToExport")]
    [InlineData("VariablesToExport")]
    public void The_manifest_exports_no_functions_aliases_or_variables(string key)
    {
        Hashtable manifest = BuiltManifest();

        // A missing key means '*' to PowerShell, which then searches the module on every command lookup.
        Assert.True(manifest.ContainsKey(key), $"The manifest has no {key}; set it to @().");
        Assert.Empty(Strings(manifest[key]));
    }

    private CmdletAttribute CmdletAttributeOf(string cmdlet) =>
        ExportedCmdlets.ImplementingType(session, cmdlet).GetCustomAttribute<CmdletAttribute>()
        ?? throw new InvalidOperationException($"{cmdlet} has no [Cmdlet] attribute.");

    /// <summary>Every cmdlet class in the module's assembly, exported or not.</summary>
    private IEnumerable<string> AssemblyCmdlets()
    {
        Assembly module = ExportedCmdlets.ImplementingType(session, ExportedCmdlets.Names[0]).Assembly;
        return module.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t))
            .Select(t => t.GetCustomAttribute<CmdletAttribute>() ?? throw new InvalidOperationException($"{t.FullName} derives from Cmdlet but has no [Cmdlet] attribute."))
            .Select(a => a.VerbName + "-" + a.NounName);
    }

    /// <summary>PowerShell's approved verbs: the constants of the Verbs* classes (Get-Verb is not in the core-only runspace).</summary>
    private static HashSet<string> ApprovedVerbs()
    {
        Type[] verbClasses =
        {
            typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic),
            typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity),
        };
        return verbClasses
            .SelectMany(c => c.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A manifest entry as a list: PowerShell accepts one string or an array.</summary>
    internal static IReadOnlyList<string> Strings(object? value) => value switch
    {
        null => Array.Empty<string>(),
        string one => new[] { one },
        IEnumerable many => many.Cast<object>().Select(o => o.ToString()!).ToList(),
        _ => new[] { value.ToString()! },
    };

    /// <summary>The shipped manifest's data, read as PowerShell reads a data file (constants only, nothing run).</summary>
    internal static Hashtable BuiltManifest()
    {
        ScriptBlockAst ast = Parser.ParseFile(Repo.ModuleManifest, out _, out ParseError[] errors);
        Assert.Empty(errors);
        var table = (HashtableAst)ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false)!;
        var data = (Hashtable)table.SafeGetValue();
        return new Hashtable(data, StringComparer.OrdinalIgnoreCase);
    }
}
