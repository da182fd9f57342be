using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Conventions;

/// <summary>
/// The cmdlets the built module exports, as PowerShell sees them after Import-Module: the convention and help tests
/// run once per cmdlet found here, so a cmdlet added later is checked without anyone adding it to a list.
/// </summary>
public static class ExportedCmdlets
{
    private static readonly Lazy<IReadOnlyList<string>> names = new(ReadNames);

    public static IReadOnlyList<string> Names => names.Value;

    /// <summary>Theory data: one row per exported command name.</summary>
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string name in Names)
            {
                data.Add(name);
            }

            return data;
        }
    }

    /// <summary>The class that implements an exported cmdlet, from the assembly PowerShell loaded (not a second copy).</summary>
    public static Type ImplementingType(ModuleSession session, string name)
    {
        RunResult result = session.Run("Get-Command -Name $name -Module Upstash.Kafka -CommandType Cmdlet", new Dictionary<string, object?> { ["name"] = name });
        result.AssertNoErrors();
        return Assert.IsType<CmdletInfo>(Assert.Single(result.Output).BaseObject).ImplementingType;
    }

    private static IReadOnlyList<string> ReadNames()
    {
        using var session = new ModuleSession();
        RunResult result = session.Run("Get-Command -Module Upstash.Kafka");
        result.AssertNoErrors();
        return result.Output.Select(o => ((CommandInfo)o.BaseObject).Name).Order(StringComparer.Ordinal).ToList();
    }
}
