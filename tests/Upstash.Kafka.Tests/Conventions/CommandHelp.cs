using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Conventions;

/// <summary>What Get-Help -Full shows for one command, read in the session into plain values.</summary>
public sealed record CommandHelp(
    string Synopsis,
    string Description,
    IReadOnlyList<ParameterHelp> Parameters,
    int SyntaxItems,
    IReadOnlyList<string> ExampleCode,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs)
{
    // Flattened in PowerShell so the test reads strings, not the nested PSObjects Get-Help builds.
    private const string Script = """
        $help = Get-Help -Name $name -Full
        function Join-Text($items) { (@($items) | ForEach-Object { $_.Text }) -join "`n" }
        [pscustomobject]@{
            Synopsis    = [string]$help.Synopsis
            Description = Join-Text $help.description
            Parameters  = @(@($help.parameters.parameter) | Where-Object { $_ } | ForEach-Object {
                [pscustomobject]@{
                    Name          = [string]$_.name
                    Description   = Join-Text $_.description
                    Required      = [string]$_.required
                    Position      = [string]$_.position
                    PipelineInput = [string]$_.pipelineInput
                    Aliases       = [string]$_.aliases
                }
            })
            SyntaxItems = @(@($help.syntax.syntaxItem) | Where-Object { $_ }).Count
            Examples    = @(@($help.examples.example) | Where-Object { $_ } | ForEach-Object { [string]$_.code })
            Inputs      = @(@($help.inputTypes.inputType) | Where-Object { $_ } | ForEach-Object { [string]$_.type.name })
            Outputs     = @(@($help.returnValues.returnValue) | Where-Object { $_ } | ForEach-Object { [string]$_.type.name })
        }
        """;

    public static CommandHelp Read(ModuleSession session, string name)
    {
        RunResult result = session.Run(Script, new Dictionary<string, object?> { ["name"] = name });
        result.AssertNoErrors();
        PSObject help = Assert.Single(result.Output);
        return new CommandHelp(
            Text(help, "Synopsis"),
            Text(help, "Description"),
            Items(help, "Parameters").Select(p => new ParameterHelp(
                Text(p, "Name"), Text(p, "Description"), Text(p, "Required"), Text(p, "Position"), Text(p, "PipelineInput"), Text(p, "Aliases"))).ToList(),
            (int)help.Properties["SyntaxItems"].Value,
            Items(help, "Examples").Select(e => e.BaseObject as string ?? string.Empty).ToList(),
            Items(help, "Inputs").Select(e => e.BaseObject as string ?? string.Empty).ToList(),
            Items(help, "Outputs").Select(e => e.BaseObject as string ?? string.Empty).ToList());
    }

    private static string Text(PSObject item, string property) => item.Properties[property].Value as string ?? string.Empty;

    private static IEnumerable<PSObject> Items(PSObject item, string property) =>
        ((object[])item.Properties[property].Value).Select(PSObject.AsPSObject);
}

public sealed record ParameterHelp(string Name, string Description, string Required, string Position, string PipelineInput, string Aliases);
