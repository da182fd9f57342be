namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Where the client reports what it does. Cmdlets pass an implementation that forwards to the verbose, debug
    /// and warning streams on the pipeline thread; the client may call it from any thread.
    /// </summary>
    internal interface IApiLog
    {
        /// <summary>Whether debug lines are shown at all: building them (masking and re-writing bodies) costs a parse.</summary>
        bool DebugEnabled { get; }

        void Verbose(string message);

        void Debug(string message);

        void Warning(string message);
    }

    /// <summary>
    /// A log that can say up front whether verbose lines are shown. Separate from <see cref="IApiLog"/> so logs written
    /// elsewhere keep compiling; a log without it is taken as showing everything.
    /// </summary>
    internal interface IVerboseFilter
    {
        bool VerboseEnabled { get; }
    }

    internal sealed class NullApiLog : IApiLog, IVerboseFilter
    {
        public static readonly NullApiLog Instance = new NullApiLog();

        public bool DebugEnabled => false;

        public bool VerboseEnabled => false;

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }

        public void Warning(string message)
        {
        }
    }
}
