using System.Globalization;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// How a connector and its tasks move between states, timed like the Upstash side (PendingDelay after a create or a
/// reconfigure, RestartDelay after a restart, on the shared <see cref="EmulatorClock"/>). Every method runs under the
/// store's lock. <paramref name="problem"/> arguments come from the Upstash side's rule (ConnectorValidator): a
/// configuration it fails makes the connector and its tasks FAILED whenever they (re)start.
/// </summary>
public static class KafkaConnectLifecycle
{
    /// <summary>*(decision)* tasks.max is honoured up to this many tasks: enough to test multi-task code, no more.</summary>
    public const int MaxTasks = 8;

    public static int TaskCount(KafkaConnectRecord c) =>
        int.TryParse(c.Text("tasks.max"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) ? Math.Clamp(n, 1, MaxTasks) : 1;

    /// <summary>
    /// A new or reconfigured connector: the connector and tasks.max tasks are UNASSIGNED until <paramref name="due"/>,
    /// then take the state the target asks for. A STOPPED connector stays STOPPED with no tasks (a config written
    /// while stopped starts nothing).
    /// </summary>
    public static void Deploy(KafkaConnectRecord c, DateTimeOffset due)
    {
        if (c.Target == KafkaConnectTarget.Stopped && c.Connector.State == KafkaConnectStates.Stopped)
        {
            return;
        }

        Pend(c.Connector, KafkaConnectStates.Unassigned, due);
        c.Tasks.Clear();
        if (c.Target != KafkaConnectTarget.Stopped)
        {
            for (int id = 0; id < TaskCount(c); id++)
            {
                var task = new KafkaConnectTask { Id = id };
                Pend(task, KafkaConnectStates.Unassigned, due);
                c.Tasks.Add(task);
            }
        }
    }

    /// <summary>Every instance whose transition is due settles into what the target state asks for.</summary>
    public static void Settle(KafkaConnectRecord c, DateTimeOffset now, Func<string?> problem, string type)
    {
        if (c.Connector.Due is DateTimeOffset due && due <= now)
        {
            Resolve(c, c.Connector, isTask: false, problem(), type);
        }

        foreach (KafkaConnectTask task in c.Tasks.Where(t => t.Due is DateTimeOffset d && d <= now))
        {
            Resolve(c, task, isTask: true, problem(), type);
        }
    }

    /// <summary>Pause: 202 and PAUSED at once, tasks kept. A FAILED instance stays FAILED (WorkerConnector refuses it).</summary>
    public static void Pause(KafkaConnectRecord c)
    {
        bool wasStopped = c.Target == KafkaConnectTarget.Stopped;
        c.Target = KafkaConnectTarget.Paused;
        if (wasStopped)
        {
            // From STOPPED the connector starts paused and generates its task configs again.
            AddTasks(c);
        }

        foreach (KafkaConnectInstance instance in Instances(c).Where(i => i.State != KafkaConnectStates.Failed))
        {
            Set(instance, KafkaConnectStates.Paused);
        }
    }

    /// <summary>
    /// Resume: also un-stops a STOPPED connector (its tasks come back). PAUSED and STOPPED instances run (or fail by
    /// the rule) at once; FAILED ones stay FAILED until restarted; UNASSIGNED or RESTARTING ones settle when due.
    /// </summary>
    public static void Resume(KafkaConnectRecord c, string? problem, string type)
    {
        bool wasStopped = c.Target == KafkaConnectTarget.Stopped;
        c.Target = KafkaConnectTarget.Started;
        if (wasStopped)
        {
            AddTasks(c);
        }

        Resolve(c, c.Connector, isTask: false, problem, type, onlyIf: s => s is KafkaConnectStates.Paused or KafkaConnectStates.Stopped);
        foreach (KafkaConnectTask task in c.Tasks)
        {
            Resolve(c, task, isTask: true, problem, type, onlyIf: s => s is KafkaConnectStates.Paused or KafkaConnectStates.Stopped);
        }
    }

    /// <summary>Stop: task configs emptied (no tasks in status or info) and the connector STOPPED, even a FAILED one.</summary>
    public static void Stop(KafkaConnectRecord c)
    {
        c.Target = KafkaConnectTarget.Stopped;
        c.Tasks.Clear();
        Set(c.Connector, KafkaConnectStates.Stopped);
    }

    /// <summary>The chosen instances go RESTARTING and settle after RestartDelay (a failing configuration fails again).</summary>
    public static void Restart(KafkaConnectRecord c, bool connector, Func<KafkaConnectTask, bool> restartTask, DateTimeOffset due)
    {
        if (connector)
        {
            Pend(c.Connector, KafkaConnectStates.Restarting, due);
        }

        foreach (KafkaConnectTask task in c.Tasks.Where(restartTask))
        {
            Pend(task, KafkaConnectStates.Restarting, due);
        }
    }

    /// <summary>Tests put a connector in any state at once (e.g. connector RUNNING with task 1 FAILED).</summary>
    public static void Force(KafkaConnectRecord c, string? connectorState, IReadOnlyList<string>? taskStates, string? trace)
    {
        if (connectorState != null)
        {
            Set(c.Connector, connectorState, connectorState == KafkaConnectStates.Failed ? trace ?? ConnectorTrace("Connector failed") : null);
        }

        if (taskStates != null)
        {
            c.Tasks.Clear();
            for (int id = 0; id < taskStates.Count; id++)
            {
                var task = new KafkaConnectTask { Id = id };
                Set(task, taskStates[id], taskStates[id] == KafkaConnectStates.Failed ? trace ?? ConnectorValidator.TraceFor("Task failed") : null);
                c.Tasks.Add(task);
            }
        }
    }

    /// <summary>A connector-side failure: the connector's start() threw (the task trace is ConnectorValidator's).</summary>
    public static string ConnectorTrace(string problem) =>
        "org.apache.kafka.connect.errors.ConnectException: " + problem.Split('\n')[^1] + "\n" +
        "\tat org.apache.kafka.connect.runtime.WorkerConnector.doStart(WorkerConnector.java:214)\n" +
        "\tat org.apache.kafka.connect.runtime.WorkerConnector.start(WorkerConnector.java:187)\n" +
        "\tat org.apache.kafka.connect.runtime.WorkerConnector.doTransitionTo(WorkerConnector.java:398)\n" +
        "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)";

    /// <summary>
    /// What a due (or resumed) instance becomes. *(decision)* A configuration the Upstash side's rule fails makes BOTH
    /// the connector (its start() threw) and each task FAILED, each with a trace: the same picture as the Upstash
    /// side's failed connector, so a client that reads either the connector or its tasks sees the failure.
    /// </summary>
    private static void Resolve(KafkaConnectRecord c, KafkaConnectInstance instance, bool isTask, string? problem, string type, Func<string, bool>? onlyIf = null)
    {
        if (onlyIf != null && !onlyIf(instance.State))
        {
            return;
        }

        switch (c.Target)
        {
            case KafkaConnectTarget.Paused:
                Set(instance, KafkaConnectStates.Paused);
                break;
            case KafkaConnectTarget.Stopped:
                Set(instance, KafkaConnectStates.Stopped);
                break;
            default:
                if (problem != null)
                {
                    Set(instance, KafkaConnectStates.Failed, isTask ? ConnectorValidator.TraceFor(problem) : ConnectorTrace(problem));
                }
                else
                {
                    Set(instance, KafkaConnectStates.Running);
                    if (!isTask)
                    {
                        KafkaConnectOffsets.CommitOnRun(c, type);
                    }
                }

                break;
        }
    }

    private static void AddTasks(KafkaConnectRecord c)
    {
        c.Tasks.Clear();
        for (int id = 0; id < TaskCount(c); id++)
        {
            c.Tasks.Add(new KafkaConnectTask { Id = id, State = KafkaConnectStates.Stopped });
        }
    }

    private static IEnumerable<KafkaConnectInstance> Instances(KafkaConnectRecord c) =>
        new[] { c.Connector }.Concat<KafkaConnectInstance>(c.Tasks);

    private static void Pend(KafkaConnectInstance instance, string state, DateTimeOffset due)
    {
        Set(instance, state);
        instance.Due = due;
    }

    private static void Set(KafkaConnectInstance instance, string state, string? trace = null)
    {
        instance.State = state;
        instance.Trace = trace;
        instance.Due = null;
    }
}
