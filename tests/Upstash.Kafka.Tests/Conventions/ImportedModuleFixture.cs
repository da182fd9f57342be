using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Conventions;

/// <summary>One imported module shared by a test class whose tests only read (help, metadata, types).</summary>
public sealed class ImportedModuleFixture : IDisposable
{
    public ModuleSession Session { get; } = new();

    public void Dispose() => Session.Dispose();
}
