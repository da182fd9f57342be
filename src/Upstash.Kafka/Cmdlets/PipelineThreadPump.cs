using System;
using System.Collections.Concurrent;
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
    internal sealed class PipelineThreadPump : IApiLog, IDisposable
    {
        private readonly BlockingCollection<Action> queue = new BlockingCollection<Action>();
        private readonly UpstashKafkaCmdlet cmdlet;

        public PipelineThreadPump(UpstashKafkaCmdlet cmdlet)
        {
            this.cmdlet = cmdlet;
        }

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

            task.ContinueWith(_ => queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            // Not cancellable here: the work sees the token and ends, and its last messages must still be played.
            foreach (Action action in queue.GetConsumingEnumerable(CancellationToken.None))
            {
                action();
            }

            return task.GetAwaiter().GetResult();
        }

        /// <summary>Runs <paramref name="action"/> on the pipeline thread (e.g. WriteObject of a streamed item).</summary>
        public void Post(Action action)
        {
            try
            {
                queue.Add(action);
            }
            catch (InvalidOperationException)
            {
                // The work has already ended; nothing is left to play this on.
            }
        }

        public void Verbose(string message) => Post(() => cmdlet.WriteVerbose(message));

        public void Debug(string message) => Post(() => cmdlet.WriteDebug(message));

        public void Warning(string message) => Post(() => cmdlet.WriteWarning(message));

        public void Dispose() => queue.Dispose();
    }
}
