namespace Upstash.Kafka.Tests.Infrastructure;

/// <summary>
/// A test class whose every test starts from a reset emulator (its own, shared by the class) and a fresh runspace
/// with the built module imported and connected to it.
/// </summary>
public abstract class EmulatorSessionTest : IClassFixture<EmulatorFixture>, IDisposable
{
    protected EmulatorSessionTest(EmulatorFixture emulator)
    {
        Emulator = emulator;
        emulator.Server.Reset();
        Session = new ModuleSession(emulator);
    }

    protected EmulatorFixture Emulator { get; }

    protected ModuleSession Session { get; }

    public void Dispose()
    {
        Session.Dispose();
        GC.SuppressFinalize(this);
    }
}
