using System;
using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka.Validation
{
    /// <summary>
    /// Converter, transform and predicate classes are Java class names, and (a warning otherwise) ones Upstash's
    /// plugins had: a self-hosted worker may have more, so an unknown class is not an error.
    /// </summary>
    internal sealed class PluginClassCheck : IConfigCheck
    {
        private static readonly string[] ConverterKeys = { "key.converter", "value.converter", "header.converter" };

        public IEnumerable<ConnectorConfigProblem> Check(ConfigUnderTest config)
        {
            var problems = new List<ConnectorConfigProblem>();
            foreach (string key in ConverterKeys)
            {
                Classify(config, key, "converter", KnownPluginClasses.Converters, problems);
            }

            foreach (string alias in config.ResolvedList(TransformChainCheck.Transforms).Distinct(StringComparer.Ordinal))
            {
                Classify(config, $"{TransformChainCheck.Transforms}.{alias}.type", "transform", KnownPluginClasses.TransformClasses, problems);
            }

            foreach (string alias in config.ResolvedList(TransformChainCheck.Predicates).Distinct(StringComparer.Ordinal))
            {
                Classify(config, $"{TransformChainCheck.Predicates}.{alias}.type", "predicate", KnownPluginClasses.Predicates, problems);
            }

            return problems;
        }

        private static void Classify(ConfigUnderTest config, string key, string what, IReadOnlyCollection<string> known, List<ConnectorConfigProblem> problems)
        {
            if (!config.TryGetResolved(key, out string cls) || cls.Length == 0 || known.Contains(cls))
            {
                return;
            }

            if (!JavaClassName.IsValid(cls))
            {
                problems.Add(ConnectorConfigProblem.Error(key, $"{key} is not a Java class name: give the {what}'s class, e.g. {Example(what)}."));
                return;
            }

            string? meant = KnownPluginClasses.Closest(known, cls);
            string hint = meant == null ? string.Empty : $" Did you mean {meant}?";
            problems.Add(ConnectorConfigProblem.Warning(key, $"{key} names a {what} class that neither Apache Kafka nor the plugins Upstash hosted ship; it loads only where its plugin is installed.{hint}"));
        }

        private static string Example(string what) => what switch
        {
            "converter" => "org.apache.kafka.connect.json.JsonConverter",
            "predicate" => "org.apache.kafka.connect.transforms.predicates.TopicNameMatches",
            _ => "org.apache.kafka.connect.transforms.RegexRouter",
        };
    }
}
