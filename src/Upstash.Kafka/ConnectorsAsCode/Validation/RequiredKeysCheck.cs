using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka.Validation
{
    /// <summary>A class Upstash hosted has every key it cannot start without (the contract's list), each with a value.</summary>
    internal sealed class RequiredKeysCheck : IConfigCheck
    {
        public IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config)
        {
            if (config.Hosted == null)
            {
                yield break;
            }

            foreach (IReadOnlyList<string> alternatives in config.Hosted.RequiredKeys)
            {
                if (alternatives.Any(config.HasValue))
                {
                    continue;
                }

                // A key that is there but masked or behind an unset variable is not missing: another check says why.
                if (alternatives.Any(k => config.Config.ContainsKey(k) && !config.TryGetResolved(k, out _)))
                {
                    continue;
                }

                string first = alternatives[0];
                string which = alternatives.Count == 1 ? first : string.Join(" or ", alternatives);
                string empty = alternatives.Any(config.Config.ContainsKey) ? "is empty" : "is missing";
                yield return ConnectorConfigProblem.Error(first, $"{which} {empty}: {config.ConnectorClass} needs it.");
            }
        }
    }
}
