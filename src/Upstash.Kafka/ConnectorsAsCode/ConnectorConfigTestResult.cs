using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka
{
    /// <summary>What Test-UpstashKafkaConnectorConfig found for one connector.</summary>
    public sealed class ConnectorConfigTestResult
    {
        public ConnectorConfigTestResult(string name, string? path, IReadOnlyList<ConnectorConfigProblem> problems)
        {
            Name = name;
            Path = path;
            Problems = problems.ToArray();
        }

        /// <summary>The connector's name; for a file that could not be read, the file's name without extension.</summary>
        public string Name { get; }

        /// <summary>The file it came from; null for -Property.</summary>
        public string? Path { get; }

        /// <summary>True when no problem is an error: warnings alone leave a configuration valid.</summary>
        public bool IsValid => Problems.All(p => p.Severity != ConnectorConfigSeverity.Error);

        public ConnectorConfigProblem[] Problems { get; }

        public override string ToString()
        {
            int errors = Problems.Count(p => p.Severity == ConnectorConfigSeverity.Error);
            int warnings = Problems.Length - errors;
            return $"{Name}: {(IsValid ? "valid" : "invalid")}, {errors} error(s), {warnings} warning(s)";
        }
    }
}
