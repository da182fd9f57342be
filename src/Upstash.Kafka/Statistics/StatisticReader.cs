using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>Reads the series ({x: time, y: number} points) and totals of a statistics reply.</summary>
    internal static class StatisticReader
    {
        public static JObject Object(JToken token)
        {
            return token as JObject ?? throw new ReplyShapeException("its body is " + JsonFields.Describe(token.Type) + ", not a statistics object");
        }

        /// <remarks>*(decision)* A point whose time or value cannot be read makes the whole reply invalid (an
        /// InvalidResult error naming the field) rather than being skipped: a series with silent gaps misleads.</remarks>
        /// <exception cref="ReplyShapeException">The series is not an array of points, or a point's time or value cannot be read.</exception>
        public static KafkaStatisticPoint[] Series(JObject obj, string name)
        {
            JToken? token = obj[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return Array.Empty<KafkaStatisticPoint>();
            }

            if (!(token is JArray array))
            {
                throw JsonFields.WrongType(name, "an array of points", token);
            }

            return array.Select((item, index) => Point(item, $"{name}[{index}]")).ToArray();
        }

        public static string[] Strings(JObject obj, string name)
        {
            JToken? token = obj[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return Array.Empty<string>();
            }

            return token is JArray array
                ? array.Select(item => JsonFields.IsScalar(item) ? JsonFields.ScalarText(item) : throw JsonFields.WrongType(name + "[]", "a string", item)).ToArray()
                : throw JsonFields.WrongType(name, "an array", token);
        }

        public static double? Total(JObject obj, string name) => JsonNumbers.Double(obj[name], name);

        private static KafkaStatisticPoint Point(JToken item, string where)
        {
            if (!(item is JObject point))
            {
                throw JsonFields.WrongType(where, "a point {x, y}", item);
            }

            string? x = JsonFields.String(point, "x");
            if (!StatisticTime.TryParse(x, out DateTimeOffset time))
            {
                throw new ReplyShapeException($"its field '{where}.x' should be a time like 2022-02-07 11:30:28 but is '{x}'");
            }

            double value = JsonNumbers.Double(point["y"], where + ".y") ?? throw new ReplyShapeException($"its field '{where}.y' is missing");
            return new KafkaStatisticPoint(time, value);
        }

        public static Dictionary<string, string> Unknown(JObject obj, ICollection<string> known) =>
            UnknownFields.Read(obj, known, new SecretRedactor());
    }
}
