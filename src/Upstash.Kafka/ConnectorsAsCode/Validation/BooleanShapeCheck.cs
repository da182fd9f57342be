using System;
using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka.Validation
{
    /// <summary>Boolean settings read true or false (any case, as Kafka Connect's ConfigDef accepts); "yes" or "1" is refused there.</summary>
    internal sealed class BooleanShapeCheck : IConfigCheck
    {
        // Boolean keys of Kafka Connect itself and of the hosted plugins whose names do not end in .enable/.enabled.
        private static readonly HashSet<string> BooleanKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "errors.log.include.messages",
            "auto.create", "auto.evolve",
            "copy.existing", "publish.full.document.only", "output.schema.infer.value",
            "tombstones.on.delete", "include.schema.changes", "provide.transaction.metadata",
            "autoCreateTables", "sanitizeTopics", "allowNewBigQueryFields", "allowBigQueryRequiredFieldRelaxation",
            "upsertEnabled", "deleteEnabled", "allowSchemaUnionization",
        };

        public IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config)
        {
            foreach (string key in config.Config.Keys.Where(IsBoolean).OrderBy(k => k, StringComparer.Ordinal))
            {
                if (config.TryGetResolved(key, out string value)
                    && !(value.Length == 0 && config.IsRequired(key))
                    && !value.Equals("true", StringComparison.OrdinalIgnoreCase)
                    && !value.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    yield return ConnectorConfigProblem.Error(key, $"{key} is a boolean setting: its value must be true or false.");
                }
            }
        }

        private static bool IsBoolean(string key) =>
            BooleanKeys.Contains(key)
            || key.EndsWith(".enable", StringComparison.Ordinal)
            || key.EndsWith(".enabled", StringComparison.Ordinal)
            // A transform's "negate" inverts its predicate.
            || (key.StartsWith("transforms.", StringComparison.Ordinal) && key.EndsWith(".negate", StringComparison.Ordinal));
    }
}
