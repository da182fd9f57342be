using System.Management.Automation.Language;

namespace Upstash.Kafka.Tests.Conventions;

/// <summary>
/// The connector names a help example creates, as far as the code shows them: literal -Name arguments of
/// New-UpstashKafkaConnector, and literal Name entries of hashtables in an example that pipes into it. The real-shell
/// tests run every example in turn against one emulator, where a name used twice fails the second create.
/// </summary>
public static class ExampleConnectorNames
{
    private const string Creator = "New-UpstashKafkaConnector";

    public static IEnumerable<string> Created(string code)
    {
        ScriptBlockAst ast = Parser.ParseInput(code, out _, out _);
        var creates = ast.FindAll(a => a is CommandAst c && string.Equals(c.GetCommandName(), Creator, StringComparison.OrdinalIgnoreCase), true)
            .Cast<CommandAst>()
            .ToList();
        foreach (CommandAst create in creates)
        {
            int index = create.CommandElements.ToList().FindIndex(e => e is CommandParameterAst p && string.Equals(p.ParameterName, "Name", StringComparison.OrdinalIgnoreCase));
            if (index >= 0 && index + 1 < create.CommandElements.Count && create.CommandElements[index + 1] is StringConstantExpressionAst name)
            {
                yield return name.Value;
            }
        }

        if (creates.Count == 0)
        {
            yield break;
        }

        foreach (HashtableAst table in ast.FindAll(a => a is HashtableAst, true).Cast<HashtableAst>())
        {
            foreach (Tuple<ExpressionAst, StatementAst> pair in table.KeyValuePairs)
            {
                if (pair.Item1 is StringConstantExpressionAst { Value: var key } && string.Equals(key, "Name", StringComparison.OrdinalIgnoreCase)
                    && pair.Item2 is PipelineAst { PipelineElements: [CommandExpressionAst { Expression: StringConstantExpressionAst value }] })
                {
                    yield return value.Value;
                }
            }
        }
    }
}
