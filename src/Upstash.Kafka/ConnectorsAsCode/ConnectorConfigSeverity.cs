namespace Upstash.Kafka
{
    /// <summary>How bad a problem in a connector configuration is.</summary>
    public enum ConnectorConfigSeverity
    {
        /// <summary>Kafka Connect (or Upstash) would refuse the configuration, or the connector could not work.</summary>
        Error,

        /// <summary>Worth a look, but it may be right: e.g. a plugin class Upstash did not ship, which a self-hosted worker may have.</summary>
        Warning,
    }
}
