using System;

namespace Upstash.Kafka
{
    /// <summary>A connector file that cannot be read or resolved; the message names the file and what is wrong.</summary>
    [Serializable]
    public sealed class ConnectorFileException : Exception
    {
        public ConnectorFileException(string message, string? path, string errorId)
            : base(message)
        {
            Path = path;
            ErrorId = errorId;
        }

        /// <summary>The file, when there is one.</summary>
        public string? Path { get; }

        /// <summary>The PowerShell error id for this problem, e.g. InvalidConnectorFile or EnvironmentVariableNotSet.</summary>
        public string ErrorId { get; }
    }
}
