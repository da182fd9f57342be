using System.Management.Automation;
using System.Management.Automation.Language;

namespace Upstash.Kafka.Tests.Conventions;

/// <summary>
/// Finds the variables a help example reads but never sets. Examples are copied and run as written (the real-shell
/// tests run them against the emulator), so each must stand alone: "$credential" from nowhere is a broken example.
/// </summary>
public static class ExampleVariables
{
    /// <summary>Variables PowerShell provides, which an example may read without setting.</summary>
    private static readonly HashSet<string> Automatic = new(StringComparer.OrdinalIgnoreCase)
    {
        "_", "PSItem", "true", "false", "null", "args", "input", "this", "Error", "Host", "HOME", "PWD", "PSHOME",
        "PSVersionTable", "PSEdition", "PSScriptRoot", "PSCommandPath", "PSBoundParameters", "MyInvocation",
        "LASTEXITCODE", "Matches", "ExecutionContext", "IsWindows", "IsLinux", "IsMacOS", "IsCoreCLR", "PID",
        "ErrorActionPreference", "WarningPreference", "VerbosePreference", "DebugPreference", "ConfirmPreference",
        "WhatIfPreference", "ProgressPreference", "InformationPreference",
    };

    /// <returns>Parse errors and undefined variables, one message each; empty when the example stands alone.</returns>
    public static IReadOnlyList<string> Problems(string code)
    {
        ScriptBlockAst ast = Parser.ParseInput(code, out _, out ParseError[] errors);
        var problems = errors.Select(e => $"does not parse: {e.Message} (line {e.Extent.StartLineNumber})").ToList();

        var assigned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Ast node in ast.FindAll(_ => true, searchNestedScriptBlocks: true))
        {
            switch (node)
            {
                case AssignmentStatementAst assignment:
                    foreach (VariableExpressionAst target in assignment.Left.FindAll(a => a is VariableExpressionAst, true).Cast<VariableExpressionAst>())
                    {
                        assigned.Add(target.VariablePath.Name());
                    }

                    break;
                case ForEachStatementAst loop:
                    assigned.Add(loop.Variable.VariablePath.Name());
                    break;
                case ParameterAst parameter:
                    assigned.Add(parameter.Name.VariablePath.Name());
                    break;
                case CommandParameterAst { ParameterName: "OutVariable" or "ov" or "ErrorVariable" or "ev" or "PipelineVariable" or "pv" } parameter
                    when parameter.Parent is CommandAst command:
                    int index = command.CommandElements.IndexOf(parameter);
                    if (parameter.Argument is StringConstantExpressionAst inline)
                    {
                        assigned.Add(inline.Value);
                    }
                    else if (index + 1 < command.CommandElements.Count && command.CommandElements[index + 1] is StringConstantExpressionAst name)
                    {
                        assigned.Add(name.Value);
                    }

                    break;
            }
        }

        IEnumerable<string> undefined = ast.FindAll(a => a is VariableExpressionAst, searchNestedScriptBlocks: true)
            .Cast<VariableExpressionAst>()
            .Where(v => v.VariablePath.IsUnqualified || v.VariablePath.IsGlobal || v.VariablePath.IsScript || v.VariablePath.IsLocal)
            .Select(v => v.VariablePath.Name())
            .Where(name => !Automatic.Contains(name) && !assigned.Contains(name))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        problems.AddRange(undefined.Select(name => $"reads ${name}, which it never sets"));
        return problems;
    }

    /// <summary>The variable's name without a scope: $global:x and $x are the same variable here.</summary>
    private static string Name(this VariablePath path) =>
        path.IsUnqualified ? path.UserPath : path.UserPath.Substring(path.UserPath.IndexOf(':', StringComparison.Ordinal) + 1);
}
