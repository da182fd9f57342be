namespace Upstash.Kafka.Emulator.State;

/// <summary>
/// What the service found only after accepting a create: a configuration that cannot work ends up failed, with a
/// message and a task trace like Kafka Connect's. The emulator checks what it can without a real database.
/// </summary>
public static class ConnectorValidator
{
    private static readonly string[] MongoClasses =
    {
        "com.mongodb.kafka.connect.MongoSourceConnector",
        "com.mongodb.kafka.connect.MongoSinkConnector",
    };

    /// <returns>Why the connector fails, or null when it can run.</returns>
    public static string? FindProblem(ConnectorRecord connector, IReadOnlyCollection<string> rejectedProperties)
    {
        foreach (string key in rejectedProperties)
        {
            if (connector.Properties.ContainsKey(key))
            {
                return $"Connector configuration is invalid and contains the following 1 error(s):\nInvalid value for configuration {key}: rejected by the emulator";
            }
        }

        if (MongoClasses.Contains(connector.ConnectorClass, StringComparer.Ordinal))
        {
            string uri = connector.Properties["connection.uri"]?.ToString() ?? string.Empty;
            if (!uri.StartsWith("mongodb://", StringComparison.Ordinal) && !uri.StartsWith("mongodb+srv://", StringComparison.Ordinal))
            {
                return "Connector configuration is invalid and contains the following 1 error(s):\n" +
                       "Invalid value " + (uri.Length == 0 ? "(empty)" : "for connection.uri") +
                       " for configuration connection.uri: The connection string is invalid. Connection strings must start with either 'mongodb://' or 'mongodb+srv://";
            }
        }

        return null;
    }

    public static string TraceFor(string problem) =>
        "org.apache.kafka.connect.errors.ConnectException: " + problem.Split('\n')[^1] + "\n" +
        "\tat org.apache.kafka.connect.runtime.WorkerTask.doRun(WorkerTask.java:196)\n" +
        "\tat org.apache.kafka.connect.runtime.WorkerTask.run(WorkerTask.java:237)\n" +
        "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)";
}
