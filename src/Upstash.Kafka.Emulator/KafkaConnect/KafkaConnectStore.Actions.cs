using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>How a task restart went: done, or which of the two 404s it is.</summary>
public enum TaskRestart
{
    Restarted,
    UnknownConnector,
    UnknownTask,
}

/// <summary>What happens to a connector after create: pause, resume, stop, restarts, offsets, forced states.</summary>
public sealed partial class KafkaConnectStore
{
    public bool Pause(string name) => Act(name, KafkaConnectLifecycle.Pause);

    public bool Resume(string name) => Act(name, c => KafkaConnectLifecycle.Resume(c, Problem(c), TypeOf(c)));

    public bool Stop(string name) => Act(name, KafkaConnectLifecycle.Stop);

    /// <summary>The plain restart (204): the connector instance only, not its tasks.</summary>
    public bool RestartConnector(string name) =>
        Act(name, c => KafkaConnectLifecycle.Restart(c, connector: true, _ => false, Clock.Now + options.RestartDelay));

    /// <summary>
    /// KIP-745's restart (RestartRequest): the connector unless onlyFailed and it is not FAILED; with includeTasks,
    /// every task, or only the FAILED ones. Answers the status as the restart plan shows it (RESTARTING where restarted).
    /// </summary>
    public JsonObject? Restart(string name, bool includeTasks, bool onlyFailed) => With(name, c =>
    {
        bool connector = !onlyFailed || c.Connector.State == KafkaConnectStates.Failed;
        KafkaConnectLifecycle.Restart(
            c,
            connector,
            t => includeTasks && (!onlyFailed || t.State == KafkaConnectStates.Failed),
            Clock.Now + options.RestartDelay);
        return KafkaConnectJson.Status(c, options, WorkerId);
    });

    public TaskRestart RestartTask(string name, int id)
    {
        TaskRestart? result = With(name, c =>
        {
            if (!c.Tasks.Any(t => t.Id == id))
            {
                return (object)TaskRestart.UnknownTask;
            }

            KafkaConnectLifecycle.Restart(c, connector: false, t => t.Id == id, Clock.Now + options.RestartDelay);
            return TaskRestart.Restarted;
        }) as TaskRestart?;
        return result ?? TaskRestart.UnknownConnector;
    }

    /// <summary>PATCH .../offsets. Null when there is no such connector; otherwise the 400 message, or "" when altered.</summary>
    public string? AlterOffsets(string name, JsonArray offsets) => With(name, c =>
        !KafkaConnectOffsets.CanModify(c) ? KafkaConnectOffsets.NotStopped(name) : KafkaConnectOffsets.Alter(c, TypeOf(c), offsets) ?? string.Empty);

    /// <summary>DELETE .../offsets. Null when there is no such connector; otherwise the 400 message, or "" when reset.</summary>
    public string? ResetOffsets(string name) => With(name, c =>
    {
        if (!KafkaConnectOffsets.CanModify(c))
        {
            return KafkaConnectOffsets.NotStopped(name);
        }

        c.Offsets.Clear();
        return string.Empty;
    });

    /// <summary>Topic tracking's reset (PUT .../topics/reset): forgets the active topics. False when there is no such connector.</summary>
    public bool ResetTopics(string name) => Act(name, c => c.ActiveTopics.Clear());

    /// <summary>Puts a connector in any state at once, no transition pending. False when there is no such connector.</summary>
    public bool Force(string name, string? connectorState, IReadOnlyList<string>? taskStates, string? trace) =>
        Act(name, c => KafkaConnectLifecycle.Force(c, connectorState, taskStates, trace));

    private bool Act(string name, Action<KafkaConnectRecord> action) =>
        With(name, c =>
        {
            action(c);
            return (object)c;
        }) != null;
}
