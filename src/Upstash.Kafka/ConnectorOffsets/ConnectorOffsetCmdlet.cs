using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// What Get-, Set- and Reset-UpstashKafkaConnectorOffset share: offsets exist only on Kafka Connect, so an Upstash
    /// connection is refused before anything is sent; and a change is sent only after the checks Kafka Connect would
    /// make anyway, so that what fails says what to do (which version is needed, or to stop the connector first).
    /// </summary>
    public abstract class ConnectorOffsetCmdlet : UpstashKafkaCmdlet
    {
        internal override bool ServesKafkaConnect => true;

        /// <summary>The stem of this cmdlet's API error ids, e.g. "SetConnectorOffset" gives SetConnectorOffsetNotSupported.</summary>
        internal abstract string OperationName { get; }

        /// <summary>False, with the error written, when the connection for the input at hand is not Kafka Connect.</summary>
        internal bool OnKafkaConnect(string what, object target)
        {
            try
            {
                KafkaConnectOnly.Require(CurrentConnection, what);
                return true;
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, OperationName, target);
                return false;
            }
        }

        /// <summary>Reads and writes the connector's offsets; false, with the error written, when that fails.</summary>
        internal bool WriteOffsets(string name, object target)
        {
            IReadOnlyList<KafkaConnectorOffset> offsets;
            try
            {
                offsets = RunApi((api, pump, token) => new KafkaConnectOffsetApi(api).GetAsync(name, token));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, OperationName, target);
                return false;
            }

            if (offsets.Count == 0)
            {
                WriteVerbose($"Connector '{name}' has no committed offsets yet.");
            }

            foreach (KafkaConnectorOffset offset in offsets)
            {
                WriteObject(offset);
            }

            return true;
        }

        /// <summary>
        /// Sends a change once the server is Kafka 3.6 or later and the connector is STOPPED with no tasks left; false,
        /// with the error written, otherwise. The status is read first because Kafka Connect's own 400 only says
        /// "must be in the STOPPED state", and a connector that was just stopped can still have tasks shutting down.
        /// </summary>
        internal bool Change(string name, string what, object target, Func<KafkaConnectOffsetApi, CancellationToken, Task<string>> send)
        {
            ChangeOutcome outcome;
            try
            {
                outcome = RunApi(async (api, pump, token) =>
                {
                    var offsets = new KafkaConnectOffsetApi(api);
                    await offsets.RequireChangeAsync(what, token).ConfigureAwait(false);
                    KafkaConnector status = await offsets.StatusAsync(name, token).ConfigureAwait(false);
                    return KafkaConnectOffsetApi.CanChange(status)
                        ? new ChangeOutcome(null, await send(offsets, token).ConfigureAwait(false))
                        : new ChangeOutcome(status, null);
                });
            }
            catch (UpstashApiException ex)
            {
                // A 400 (offsets refused, an empty or malformed list) is InvalidArgument with the server's own text.
                WriteApiError(ex, OperationName, target);
                return false;
            }

            if (outcome.NotStopped != null)
            {
                WriteError(NotStopped(name, outcome.NotStopped, target));
                return false;
            }

            WriteVerbose($"Connector '{name}': {outcome.Message}");
            return true;
        }

        private ErrorRecord NotStopped(string name, KafkaConnector status, object target)
        {
            string state = status.ConnectorState ?? "in no known state";
            int tasks = status.Tasks.Length;
            string now = string.Equals(state, "STOPPED", StringComparison.OrdinalIgnoreCase)
                ? $"it is STOPPED, but its {(tasks == 1 ? "task has" : tasks + " tasks have")} not shut down yet"
                : $"it is {state}{(tasks == 0 ? string.Empty : tasks == 1 ? " with 1 task" : $" with {tasks} tasks")}";
            return new ErrorRecord(
                new PSInvalidOperationException(
                    $"The offsets of connector '{name}' were not changed: {now} on {CurrentConnection.Describe()}, and Kafka Connect changes offsets only of a connector " +
                    $"that is STOPPED with no tasks. Run Stop-UpstashKafkaConnector '{name.Replace("'", "''")}' -Wait first, then try again."),
                "ConnectorNotStopped",
                ErrorCategory.InvalidOperation,
                target);
        }

        /// <summary>Either the status that stopped the change (nothing sent), or the server's confirmation.</summary>
        private sealed class ChangeOutcome
        {
            public ChangeOutcome(KafkaConnector? notStopped, string? message)
            {
                NotStopped = notStopped;
                Message = message;
            }

            public KafkaConnector? NotStopped { get; }

            public string? Message { get; }
        }
    }
}
