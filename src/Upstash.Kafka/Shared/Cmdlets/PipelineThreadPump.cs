using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Runs async API work while keeping every Write* call on the pipeline thread, where PowerShell requires it: the
    /// work posts messages and objects here from any thread, and the pipeline thread plays them as they come
    /// (verbose lines during a retry, connectors while a list is still streaming) until the work ends.
    /// </summary>
    internal sealed class PipelineThreadPump : IApiLog, IVerboseFilter, IDisposable
    {
        /// <summary>
        /// How many messages and objects may wait for the pipeline thread. A list of 100,000 connectors piped into
        /// something slow (Export-Csv to a share, -Confirm prompts) then holds back the reader instead of piling up
        /// in memory.
        /// </summary>
        private const int MaxWaiting = 1000;

        /// <summary>
        /// Made by the first thread that needs it: a call sent synchronously finishes on the pipeline thread and
        /// never queues anything, and a queue (with its semaphores) was most of what the pump allocated per call.
        /// </summary>
        private BlockingCollection<Action>? queue;

        /// <summary>Cancelled when the pipeline thread stops playing (done, stopped, or an exception from a Write*).</summary>
        private readonly CancellationTokenSource consumerGone = new CancellationTokenSource();
        private readonly UpstashKafkaCmdlet cmdlet;

        /// <summary>The pipeline thread: the pump is made there, in ProcessRecord or EndProcessing.</summary>
        private readonly Thread pipelineThread = Thread.CurrentThread;
        private readonly bool verboseShown;
        private readonly bool debugShown;

        public PipelineThreadPump(UpstashKafkaCmdlet cmdlet)
        {
            this.cmdlet = cmdlet;
            // Each message posted here wakes the pipeline thread; a message PowerShell would drop anyway is not worth
            // that wake-up (the benchmark measured three per create, most of a create's cost on a busy machine).
            verboseShown = IsShown(cmdlet, "Verbose", "VerbosePreference") || IsSwitchOn(cmdlet, "Debug");
            debugShown = IsShown(cmdlet, "Debug", "DebugPreference");
        }

        private BlockingCollection<Action> Queue =>
            LazyInitializer.EnsureInitialized(ref queue, () => new BlockingCollection<Action>(MaxWaiting))!;

        public T Run<T>(Func<PipelineThreadPump, CancellationToken, Task<T>> work, CancellationToken cancellation)
        {
            Task<T> task;
            try
            {
                task = work(this, cancellation);
            }
            catch (Exception ex)
            {
                task = Task.FromException<T>(ex);
            }

            try
            {
                if (task.IsCompleted)
                {
                    // The work ran to its end on this thread (a call sent synchronously): what other threads posted
                    // meanwhile is played, and nothing is waited for.
                    while (queue != null && queue.TryTake(out Action? waiting))
                    {
                        waiting();
                    }
                }
                else
                {
                    PlayUntilEnded(task);
                }
            }
            finally
            {
                // Whatever is posted from now on has nothing to play it; a producer waiting for room gives up.
                consumerGone.Cancel();
                queue?.CompleteAdding();
            }

            return task.GetAwaiter().GetResult();
        }

        private void PlayUntilEnded(Task task)
        {
            // The end of the work is queued like any message rather than signalled by CompleteAdding: a consumer woken
            // only by CompleteAdding is woken by cancelling a token, and the benchmark measured a create at 2.4 ms that
            // way (when no verbose line came first to wake it) against 0.6 ms with an ordinary Add. Not through Post:
            // the work ends on another thread, and must reach this loop.
            Action workEnded = () => { };
            task.ContinueWith(_ => Enqueue(workEnded), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

            // Not cancellable here: the work sees the token and ends, and its last messages must still be played.
            foreach (Action action in Queue.GetConsumingEnumerable(CancellationToken.None))
            {
                if (ReferenceEquals(action, workEnded))
                {
                    return;
                }

                action();
            }
        }

        /// <summary>Runs <paramref name="action"/> on the pipeline thread (e.g. WriteObject of a streamed item): at once when called there.</summary>
        public void Post(Action action)
        {
            if (Thread.CurrentThread == pipelineThread)
            {
                // Work that runs on the pipeline thread (a call sent synchronously, or the start of any work before its
                // first wait) writes at once. Queued, it would wait for the loop below, and more than MaxWaiting of
                // them would wait forever for room.
                action();
                return;
            }

            Enqueue(action);
        }

        private void Enqueue(Action action)
        {
            try
            {
                // Waits while the queue is full, until the pipeline thread takes something or stops playing.
                Queue.Add(action, consumerGone.Token);
            }
            catch (OperationCanceledException)
            {
                // The pipeline thread stopped playing; nothing is left to play this on.
            }
            catch (InvalidOperationException)
            {
                // The work has already ended (or the pump is disposed); nothing is left to play this on.
            }
        }

        public void Verbose(string message)
        {
            if (verboseShown)
            {
                Post(() => cmdlet.WriteVerbose(message));
            }
        }

        public bool DebugEnabled => debugShown;

        public bool VerboseEnabled => verboseShown;

        public void Debug(string message)
        {
            if (debugShown)
            {
                Post(() => cmdlet.WriteDebug(message));
            }
        }

        public void Warning(string message) => Post(() => cmdlet.WriteWarningWithoutPrompts(message));

        public void Dispose()
        {
            queue?.Dispose();
            consumerGone.Dispose();
        }

        /// <summary>
        /// Whether WriteVerbose/WriteDebug would show anything: the -Verbose/-Debug switch when given, else the
        /// preference variable. Anything unexpected counts as shown, so a message is never lost to a guess.
        /// </summary>
        private static bool IsShown(PSCmdlet cmdlet, string switchName, string preferenceVariable)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue(switchName, out object? given))
            {
                return !(given is SwitchParameter flag) || flag.IsPresent;
            }

            object? preference = cmdlet.GetVariableValue(preferenceVariable);
            if (preference is PSObject wrapped)
            {
                preference = wrapped.BaseObject;
            }

            return !(preference is ActionPreference action) || (action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore);
        }

        private static bool IsSwitchOn(PSCmdlet cmdlet, string switchName) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue(switchName, out object? given) && given is SwitchParameter flag && flag.IsPresent;
    }
}
