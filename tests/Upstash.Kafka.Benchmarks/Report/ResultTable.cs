using System.Globalization;
using System.Text;

namespace Upstash.Kafka.Benchmarks.Report;

/// <summary>The benchmark's one table, printed as Markdown so it reads in a terminal and pastes into a report.</summary>
public sealed class ResultTable
{
    private readonly List<string[]> rows = [];

    public int Passed { get; private set; }

    public int Missed { get; private set; }

    public int NotMeasured { get; private set; }

    public void Section(string title) => rows.Add([$"**{title}**", "", "", "", ""]);

    public void Info(string what, string measured, string ratio = "") => rows.Add([what, measured, ratio, "", ""]);

    /// <summary>A row with a target: PASS when <paramref name="met"/>, else MISS.</summary>
    public void Target(string what, string measured, string ratio, string target, bool met)
    {
        if (met)
        {
            Passed++;
        }
        else
        {
            Missed++;
        }

        rows.Add([what, measured, ratio, target, met ? "PASS" : "MISS"]);
    }

    /// <summary>A target that could not be measured in this run, with the reason.</summary>
    public void NotAvailable(string what, string target, string reason)
    {
        NotMeasured++;
        rows.Add([what, reason, "", target, reason]);
    }

    public string ToMarkdown()
    {
        string[] header = ["Measurement", "Measured", "Ratio", "Target", "Result"];
        int[] widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, header, widths);
        text.AppendLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (string[] row in rows)
        {
            AppendRow(text, row, widths);
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Targets: {Passed} PASS, {Missed} MISS, {NotMeasured} not measured.");
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths) =>
        text.AppendLine("| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |");
}
