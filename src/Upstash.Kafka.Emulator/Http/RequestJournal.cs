using System.Collections.Concurrent;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>One API request as the emulator received it, and what it answered.</summary>
public sealed record JournalEntry(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int Status,
    DateTimeOffset ReceivedAt,
    string? Fault = null)
{
    /// <summary>The query string as sent, with its "?" ("?includeTasks=true"); "" without one. Path never has it.</summary>
    public string Query { get; init; } = string.Empty;
}

/// <summary>Every API request received, in order: tests read it to prove what the module sent (or did not send).</summary>
public sealed class RequestJournal
{
    private readonly ConcurrentQueue<JournalEntry> entries = new();

    public IReadOnlyList<JournalEntry> Entries => entries.ToArray();

    /// <summary>
    /// Raised after each request is recorded, on the server's thread: tests use it to move the emulator on at a
    /// precise point ("after the first poll, let the connector settle") instead of sleeping.
    /// </summary>
    public event Action<JournalEntry>? EntryAdded;

    public void Add(JournalEntry entry)
    {
        entries.Enqueue(entry);
        EntryAdded?.Invoke(entry);
    }

    /// <summary>Forgets the entries and the listeners: a test's hook must not fire in the next test.</summary>
    public void Clear()
    {
        entries.Clear();
        EntryAdded = null;
    }

    public int Count(string method, string pathPrefix) =>
        entries.Count(e => e.Method == method && e.Path.StartsWith(pathPrefix, StringComparison.Ordinal));
}
