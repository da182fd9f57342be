using System.Management.Automation;
using System.Threading;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// The progress bar of a command that works on many connectors at once (Copy, Sync): "n of N connectors". Items
    /// finish on pool threads, which count here; the bar itself is drawn on the pipeline thread.
    /// </summary>
    internal sealed class BatchProgress
    {
        private const int ActivityId = 1;
        private readonly PSCmdlet cmdlet;
        private readonly string activity;
        private readonly int total;
        private int finished;

        public BatchProgress(PSCmdlet cmdlet, string activity, int total)
        {
            this.cmdlet = cmdlet;
            this.activity = activity;
            this.total = total;
        }

        /// <summary>Counts one item as finished, from any thread; returns how many are.</summary>
        public int Finish() => Interlocked.Increment(ref finished);

        /// <summary>On the pipeline thread.</summary>
        public void Show(int done) =>
            cmdlet.WriteProgress(new ProgressRecord(ActivityId, activity, $"{done} of {total} connectors")
            {
                PercentComplete = total == 0 ? 100 : (int)(100L * done / total),
            });

        /// <summary>On the pipeline thread, when the work ends (or fails).</summary>
        public void Complete() => cmdlet.WriteProgress(new ProgressRecord(ActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
