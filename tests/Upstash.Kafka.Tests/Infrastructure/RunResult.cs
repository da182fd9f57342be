using System.Management.Automation;

namespace Upstash.Kafka.Tests.Infrastructure;

/// <summary>Everything one script run produced, stream by stream.</summary>
public sealed class RunResult
{
    public required IReadOnlyList<PSObject> Output { get; init; }

    public required IReadOnlyList<ErrorRecord> Errors { get; init; }

    public required IReadOnlyList<string> Verbose { get; init; }

    public required IReadOnlyList<string> Debug { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public required IReadOnlyList<ProgressRecord> Progress { get; init; }

    /// <summary>The exception that ended the run, when it was terminated (e.g. -ErrorAction Stop).</summary>
    public RuntimeException? Terminating { get; init; }

    public required string HostOutput { get; init; }

    /// <summary>All errors, the terminating one included.</summary>
    public IEnumerable<ErrorRecord> AllErrors => Terminating?.ErrorRecord is ErrorRecord record ? Errors.Append(record) : Errors;

    public T Single<T>() => Assert.IsType<T>(Assert.Single(Output).BaseObject);


    /// <summary>Every piece of text the run exposed to a person or a log: streams, errors with their exception chains, host output.</summary>
    public string AllText()
    {
        var parts = new List<string>();
        parts.AddRange(Verbose);
        parts.AddRange(Debug);
        parts.AddRange(Warnings);
        parts.Add(HostOutput);
        parts.AddRange(Progress.Select(p => p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation));
        foreach (ErrorRecord error in AllErrors)
        {
            parts.Add(error.ToString());
            parts.Add(error.FullyQualifiedErrorId);
            parts.Add(error.TargetObject?.ToString() ?? string.Empty);
            parts.Add(error.ErrorDetails?.Message ?? string.Empty);
            for (Exception? ex = error.Exception; ex != null; ex = ex.InnerException)
            {
                parts.Add(ex.ToString());
            }
        }

        parts.AddRange(Output.Select(o => o.ToString()));
        return string.Join("\n", parts);
    }

    public void AssertNoErrors()
    {
        Assert.True(!AllErrors.Any(), "Unexpected errors:\n" + string.Join("\n", AllErrors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
    }
}
