namespace Upstash.Kafka.Emulator.State;

/// <summary>What each Upstash state looks like on a connector: its Kafka Connect status and its tasks.</summary>
public static class ConnectorStates
{
    public static void Enter(ConnectorRecord connector, string state, string? errorMessage = null)
    {
        connector.State = state;
        connector.StateErrorMessage = string.Empty;
        switch (state)
        {
            case "running":
                SetTasks(connector, "RUNNING");
                connector.ConnectorState = "RUNNING";
                break;
            case "paused":
                SetTasks(connector, "PAUSED");
                connector.ConnectorState = "PAUSED";
                break;
            case "restarting":
                SetTasks(connector, "RESTARTING");
                connector.ConnectorState = "RESTARTING";
                break;
            case "failed":
                string message = errorMessage ?? "Connector failed";
                connector.StateErrorMessage = message;
                connector.ConnectorState = "FAILED";
                SetTasks(connector, "FAILED");
                connector.Tasks[0].Trace = ConnectorValidator.TraceFor(message);
                break;
            default:
                connector.ConnectorState = string.Empty;
                connector.Tasks.Clear();
                break;
        }
    }

    private static void SetTasks(ConnectorRecord connector, string taskState)
    {
        if (connector.Tasks.Count == 0)
        {
            connector.Tasks.Add(new TaskRecord { Id = 0 });
        }

        foreach (TaskRecord task in connector.Tasks)
        {
            task.State = taskState;
            task.Trace = string.Empty;
        }
    }
}
