using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Upstash.Kafka.Validation
{
    /// <summary>tasks.max is a whole number of at least 1, and every port (port, *.port) a whole number from 1 to 65535.</summary>
    internal sealed class NumberShapeCheck : IConfigCheck
    {
        private const string TasksMax = "tasks.max";

        public IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config)
        {
            foreach (string key in config.Config.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (!config.TryGetResolved(key, out string value) || (value.Length == 0 && config.IsRequired(key)))
                {
                    continue;
                }

                if (key == TasksMax && !InRange(value, 1, int.MaxValue))
                {
                    yield return ConnectorConfigProblem.Error(key, "tasks.max must be a whole number of at least 1.");
                }
                else if (IsPort(key) && !InRange(value, 1, 65535))
                {
                    yield return ConnectorConfigProblem.Error(key, $"{key} must be a port number, a whole number from 1 to 65535.");
                }
            }
        }

        private static bool IsPort(string key) => key == "port" || key.EndsWith(".port", StringComparison.Ordinal);

        // Digits only: Kafka Connect reads these with Integer.parseInt, which takes no decimals, units or separators.
        private static bool InRange(string value, long min, long max) =>
            value.Length > 0 && value.All(c => c >= '0' && c <= '9')
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number)
            && number >= min && number <= max;
    }
}
