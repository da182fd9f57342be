using System.Diagnostics;
using System.Management.Automation;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Upstash.Kafka.Tests.Reliability;

/// <summary>Ctrl+C (StopProcessing) ends a call that the server is holding, and a backoff wait, promptly.</summary>
public sealed class CancellationTests : EmulatorSessionTest
{
    private readonly ITestOutputHelper output;

    public CancellationTests(EmulatorFixture emulator, ITestOutputHelper output)
        : base(emulator)
    {
        this.output = output;
    }

    private TimeSpan StopWhileHeld(FaultRule rule, string extra = "")
    {
        Emulator.Server.Faults.Add(rule);
        using PowerShell shell = Session.Start(
            $"New-UpstashKafkaConnector -Name held -ClusterId {EmulatorOptions.DemoClusterId} -Property @{{ 'connector.class' = 'x' }} {extra}",
            out IAsyncResult running);

        // Wait until the server holds the request (the fault was taken), then press "Ctrl+C".
        SpinWait.SpinUntil(() => Emulator.Server.Faults.TotalInjected > 0, TimeSpan.FromSeconds(30));
        Thread.Sleep(100);
        var clock = Stopwatch.StartNew();
        shell.Stop();
        bool ended = running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10));
        clock.Stop();

        Assert.True(ended, "the pipeline did not end after Stop");
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        output.WriteLine($"Stop to end of pipeline: {clock.Elapsed.TotalMilliseconds:0} ms");
        return clock.Elapsed;
    }

    [Fact]
    public void Stopping_a_request_the_server_holds_ends_the_pipeline_promptly()
    {
        TimeSpan latency = StopWhileHeld(new FaultRule { Kind = FaultKind.Delay, DelayMs = 60_000, Method = "POST" });

        // The server would hold it a minute; anything near that means the stop did not reach the request.
        Assert.True(latency < TimeSpan.FromSeconds(5), $"stop took {latency}");
    }

    [Fact]
    public void Stopping_during_a_Retry_After_wait_ends_the_pipeline_promptly()
    {
        TimeSpan latency = StopWhileHeld(new FaultRule { Kind = FaultKind.Status, Status = 429, RetryAfter = "50", Method = "POST" }, "-MaxRetryDurationSec 120");

        Assert.True(latency < TimeSpan.FromSeconds(5), $"stop took {latency}");
        Assert.Equal(1, Emulator.Server.Journal.Count("POST", "/v2/kafka/connector"));
    }
}
