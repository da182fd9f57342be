namespace Upstash.Kafka
{
    /// <summary>
    /// One thing wrong with a connector configuration. The message never quotes a property's value (only keys, and
    /// connector and alias names): a validation report gets pasted into tickets and logs, and the value may be a secret.
    /// </summary>
    public sealed class ConnectorConfigProblem
    {
        public ConnectorConfigProblem(string key, ConnectorConfigSeverity severity, string message)
        {
            Key = key;
            Severity = severity;
            Message = message;
        }

        /// <summary>The configuration key the problem is about; empty for a problem with the whole file.</summary>
        public string Key { get; }

        public ConnectorConfigSeverity Severity { get; }

        public string Message { get; }

        internal static ConnectorConfigProblem Error(string key, string message) => new ConnectorConfigProblem(key, ConnectorConfigSeverity.Error, message);

        internal static ConnectorConfigProblem Warning(string key, string message) => new ConnectorConfigProblem(key, ConnectorConfigSeverity.Warning, message);

        /// <summary>"Error: message": every message names its key, so the key is not repeated.</summary>
        public override string ToString() => $"{Severity}: {Message}";
    }
}
