using System;
using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka.Validation
{
    /// <summary>
    /// Every alias listed in transforms and predicates is defined by its .type, names no alias twice, and every
    /// predicate a transform names is listed; a .type of an alias not listed is ignored by Kafka Connect (a warning).
    /// </summary>
    internal sealed class TransformChainCheck : IConfigCheck
    {
        public const string Transforms = "transforms";
        public const string Predicates = "predicates";

        public IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config)
        {
            IReadOnlyList<string> transforms = config.ResolvedList(Transforms);
            IReadOnlyList<string> predicates = config.ResolvedList(Predicates);
            var problems = new List<ConnectorConfigProblem>();
            problems.AddRange(ListedAliases(config, Transforms, "transform", transforms));
            problems.AddRange(ListedAliases(config, Predicates, "predicate", predicates));

            foreach (string alias in transforms.Distinct(StringComparer.Ordinal))
            {
                string key = $"{Transforms}.{alias}.predicate";
                if (config.TryGetResolved(key, out string predicate) && predicate.Length > 0 && !predicates.Contains(predicate, StringComparer.Ordinal))
                {
                    problems.Add(ConnectorConfigProblem.Error(key, $"{key} names a predicate that predicates does not list."));
                }
            }

            problems.AddRange(Unlisted(config, Transforms, "transform", transforms));
            problems.AddRange(Unlisted(config, Predicates, "predicate", predicates));
            return problems;
        }

        private static IEnumerable<ConnectorConfigProblem> ListedAliases(ConfigUnderTest config, string prefix, string what, IReadOnlyList<string> aliases)
        {
            foreach (string twice in aliases.GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                yield return ConnectorConfigProblem.Error(prefix, $"{prefix} lists the {what} '{twice}' more than once.");
            }

            foreach (string alias in aliases.Distinct(StringComparer.Ordinal))
            {
                string typeKey = $"{prefix}.{alias}.type";
                if (!config.Config.ContainsKey(typeKey))
                {
                    yield return ConnectorConfigProblem.Error(typeKey, $"{prefix} lists the {what} '{alias}', but {typeKey} (its class) is missing.");
                }
                else if (config.TryGetResolved(typeKey, out string type) && type.Length == 0)
                {
                    yield return ConnectorConfigProblem.Error(typeKey, $"{typeKey} is empty: give the class of the {what} '{alias}'.");
                }
            }
        }

        private static IEnumerable<ConnectorConfigProblem> Unlisted(ConfigUnderTest config, string prefix, string what, IReadOnlyList<string> aliases)
        {
            string start = prefix + ".";
            const string end = ".type";
            foreach (string key in config.Config.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (key.Length > start.Length + end.Length && key.StartsWith(start, StringComparison.Ordinal) && key.EndsWith(end, StringComparison.Ordinal))
                {
                    string alias = key.Substring(start.Length, key.Length - start.Length - end.Length);
                    if (!aliases.Contains(alias, StringComparer.Ordinal))
                    {
                        yield return ConnectorConfigProblem.Warning(key, $"{key} defines the {what} '{alias}', which {prefix} does not list, so Kafka Connect ignores it.");
                    }
                }
            }
        }
    }
}
