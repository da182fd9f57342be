using System;
using System.Diagnostics;
using System.Management.Automation;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Polls a connector until it reaches its goal (runs, or is paused or stopped as asked) or fails, for
    /// Wait-UpstashKafkaConnector and the -Wait switches, on either kind of server. Runs on the
    /// pipeline thread: it shows progress between polls and sleeps on the cmdlet's stop token, so Ctrl+C ends a wait
    /// at once rather than after the current interval.
    /// </summary>
    internal sealed class ConnectorWaiter
    {
        public const int DefaultTimeoutSeconds = 300;
        public const string FailedErrorId = "ConnectorFailed";
        public const string TimeoutErrorId = "ConnectorWaitTimedOut";
        public const string PausedErrorId = "ConnectorPaused";

        // The service validates in seconds to a minute: poll soon, then back off so a long wait costs few calls.
        private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan LongestInterval = TimeSpan.FromSeconds(5);

        private readonly UpstashKafkaCmdlet cmdlet;
        private readonly int activityId;

        public ConnectorWaiter(UpstashKafkaCmdlet cmdlet, int activityId = 1)
        {
            this.cmdlet = cmdlet;
            this.activityId = activityId;
        }

        /// <summary>
        /// Ends the wait with a ConnectorPaused error when the connector is paused. Off after Resume (paused is where
        /// it starts); on for Wait-UpstashKafkaConnector, where nothing else will resume it.
        /// </summary>
        public bool PausedIsFinal { get; set; }

        /// <summary>The state the wait ends in; running unless the command asked for paused or stopped.</summary>
        public ConnectorGoal Goal { get; set; } = ConnectorGoal.Running;

        /// <summary>What -Wait does after an action: waits, and writes the connector once it reaches the goal.</summary>
        public void WriteWhenReached(string connectorId, int timeoutSeconds)
        {
            KafkaConnector? reached = WaitUntilReached(connectorId, TimeSpan.FromSeconds(timeoutSeconds));
            if (reached != null)
            {
                cmdlet.WriteObject(reached);
            }
        }

        /// <summary>
        /// Returns the connector once it reaches the goal. When it fails or the time is up, writes the error (target:
        /// the last connector read) and returns null. API failures propagate as <see cref="UpstashApiException"/>.
        /// </summary>
        public KafkaConnector? WaitUntilReached(string connectorId, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            TimeSpan interval = FirstInterval;
            if (cmdlet.CurrentConnection.Kind == ServerKind.KafkaConnect)
            {
                RememberConfigSecrets(connectorId);
            }

            string goal = Goal == ConnectorGoal.Running ? "run" : Goal == ConnectorGoal.Paused ? "be paused" : "be stopped";
            while (true)
            {
                // The status alone on Kafka Connect (one request per poll); the whole connector once the goal is reached.
                KafkaConnector connector = cmdlet.HideKnownSecrets(
                    cmdlet.RunApi((api, pump, token) => ConnectorServers.For(api).GetStatusAsync(connectorId, token)));
                string label = new ConnectorTarget(connector.ConnectorId, connector.Name, null).ToString();
                string activity = $"Waiting for {label} to {goal}";
                ConnectorCondition condition = ConnectorHealth.Of(connector);
                TimeSpan left = timeout - clock.Elapsed;
                ShowProgress(activity, connector, left);
                if (condition != ConnectorCondition.Failed && ConnectorHealth.Reached(connector, Goal))
                {
                    EndProgress(activity);
                    cmdlet.WriteVerbose($"{Capitalized(label)} is {Goal.ToString().ToLowerInvariant()} ({ConnectorHealth.Describe(connector)}) after {clock.Elapsed.TotalSeconds:0.#} s.");
                    return connector.Connection?.Kind == ServerKind.KafkaConnect
                        ? cmdlet.HideKnownSecrets(cmdlet.RunApi((api, pump, token) => ConnectorServers.For(api).GetAsync(connectorId, includeSecrets: false, token)))
                        : connector;
                }

                if (condition == ConnectorCondition.Failed)
                {
                    EndProgress(activity);
                    cmdlet.WriteError(Failed(connector, label));
                    return null;
                }

                if (PausedIsFinal && Goal == ConnectorGoal.Running && ConnectorHealth.IsPaused(connector))
                {
                    EndProgress(activity);
                    cmdlet.WriteError(new ErrorRecord(
                        new InvalidOperationException($"{Capitalized(label)} is paused, so it will not run until it is resumed: use Resume-UpstashKafkaConnector -Wait."),
                        PausedErrorId,
                        ErrorCategory.InvalidOperation,
                        connector));
                    return null;
                }

                if (left <= TimeSpan.Zero)
                {
                    EndProgress(activity);
                    cmdlet.WriteError(TimedOut(connector, label, timeout, Goal.ToString().ToLowerInvariant()));
                    return null;
                }

                Sleep(interval < left ? interval : left);
                interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, LongestInterval.Ticks));
            }
        }

        /// <summary>
        /// Kafka Connect's status carries no configuration, so the secrets its traces may quote are unknown to a poll:
        /// read them once, so every poll, debug line and error masks them. A failure here is left to the first poll.
        /// </summary>
        private void RememberConfigSecrets(string connectorId)
        {
            try
            {
                KafkaConnector? clear = cmdlet.RunApi((api, pump, token) => ConnectorServers.For(api).FindAsync(connectorId, null, token));
                if (clear != null)
                {
                    cmdlet.RememberSecrets(Array.Empty<string>(), SecretPropertyRules.SecretValues(clear.Properties));
                }
            }
            catch (UpstashApiException)
            {
            }
        }

        private void Sleep(TimeSpan delay)
        {
            // The stop token's handle is set by Ctrl+C (StopProcessing), so the wait ends the moment the user asks.
            if (cmdlet.StopToken.WaitHandle.WaitOne(delay))
            {
                throw new PipelineStoppedException();
            }
        }

        private void ShowProgress(string activity, KafkaConnector connector, TimeSpan left)
        {
            var record = new ProgressRecord(activityId, activity, ConnectorHealth.Describe(connector))
            {
                SecondsRemaining = Math.Max(0, (int)Math.Ceiling(left.TotalSeconds)),
            };
            cmdlet.WriteProgress(record);
        }

        private void EndProgress(string activity) =>
            cmdlet.WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });

        private static ErrorRecord Failed(KafkaConnector connector, string label)
        {
            string reason = ConnectorHealth.FailureMessage(connector);
            string traces = ConnectorHealth.FailedTaskTraces(connector);
            var exception = new KafkaConnectorFailedException($"{Capitalized(label)} failed: {reason}", connector.ConnectorId, traces);
            string details = traces.Length == 0 ? exception.Message : exception.Message + Environment.NewLine + Environment.NewLine + traces;
            return new ErrorRecord(exception, FailedErrorId, ErrorCategory.InvalidResult, connector)
            {
                ErrorDetails = new ErrorDetails(details)
                {
                    RecommendedAction = "Correct the configuration with Set-UpstashKafkaConnector (it validates again), or Restart-UpstashKafkaConnector if the cause has passed.",
                },
            };
        }

        private static ErrorRecord TimedOut(KafkaConnector connector, string label, TimeSpan timeout, string state) =>
            new ErrorRecord(
                new TimeoutException($"{Capitalized(label)} was not {state} after {timeout.TotalSeconds:0.#} seconds: {ConnectorHealth.Describe(connector)}. Wait longer with -Timeout, or check it with Get-UpstashKafkaConnector."),
                TimeoutErrorId,
                ErrorCategory.OperationTimeout,
                connector);

        private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
