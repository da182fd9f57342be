namespace Upstash.Kafka.Emulator.State;

/// <summary>The emulator's idea of now: real time plus whatever tests advanced it by, so no test sleeps on a timer.</summary>
public sealed class EmulatorClock
{
    private long offsetTicks;

    public DateTimeOffset Now => DateTimeOffset.UtcNow + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);
}
