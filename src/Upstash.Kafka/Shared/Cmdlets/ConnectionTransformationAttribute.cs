using System;
using System.Management.Automation;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Lets -Connection bind by property name from any piped object without failing the pipeline: a connector read by
    /// this module carries its live connection, but the same connector after Export-Csv/Import-Csv or
    /// Export-Clixml/Import-Clixml carries only a text or a deserialized copy, which can hold no credential. Those
    /// become null, so the row goes to the session's connection as before. A null typed on the command line is
    /// refused in <see cref="UpstashKafkaCmdlet"/> (an unset variable must not quietly pick another server).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ConnectionTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
            (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) as UpstashKafkaConnection;
    }
}
