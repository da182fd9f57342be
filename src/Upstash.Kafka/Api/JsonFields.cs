using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Typed reads of reply fields, tolerant where the docs disagree (missing fields, numbers sent as strings) and
    /// strict where a wrong type means the reply is not what we think it is.
    /// </summary>
    internal static class JsonFields
    {
        public static string? String(JObject obj, string name)
        {
            JToken? token = obj[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            return IsScalar(token) ? ScalarText(token) : throw WrongType(name, "a string", token);
        }

        public static long Seconds(JObject obj, string name)
        {
            JToken? token = obj[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return 0;
            }

            if (token.Type == JTokenType.Integer)
            {
                return token.Value<long>();
            }

            if (token.Type == JTokenType.Float)
            {
                return (long)token.Value<decimal>();
            }

            if (token.Type == JTokenType.String && long.TryParse((string?)token, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
            {
                return parsed;
            }

            throw WrongType(name, "a number of seconds", token);
        }

        public static int Int(JObject obj, string name)
        {
            long value = Seconds(obj, name);
            return value > int.MaxValue || value < int.MinValue ? throw WrongType(name, "a 32-bit number", obj[name]!) : (int)value;
        }

        public static bool IsScalar(JToken token) =>
            token.Type == JTokenType.String || token.Type == JTokenType.Integer || token.Type == JTokenType.Float ||
            token.Type == JTokenType.Boolean;

        /// <summary>A scalar as Kafka Connect writes it: booleans lower-case, numbers in invariant culture.</summary>
        public static string ScalarText(JToken token)
        {
            switch (token.Type)
            {
                case JTokenType.Boolean: return token.Value<bool>() ? "true" : "false";
                case JTokenType.Integer: return token.Value<long>().ToString(CultureInfo.InvariantCulture);
                case JTokenType.Float: return token.Value<decimal>().ToString(CultureInfo.InvariantCulture);
                default: return (string?)token ?? string.Empty;
            }
        }

        public static ReplyShapeException WrongType(string name, string expected, JToken token) =>
            new ReplyShapeException($"its field '{name}' should be {expected} but is {Describe(token.Type)}");

        public static string Describe(JTokenType type)
        {
            switch (type)
            {
                case JTokenType.Object: return "an object";
                case JTokenType.Array: return "an array";
                case JTokenType.String: return "a string";
                case JTokenType.Integer:
                case JTokenType.Float: return "a number";
                case JTokenType.Boolean: return "a boolean";
                case JTokenType.Null: return "null";
                default: return type.ToString().ToLowerInvariant();
            }
        }
    }
}
