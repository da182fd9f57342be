using System;
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
        /// <summary>9999-12-31T23:59:59Z, the last second a DateTimeOffset can hold.</summary>
        private const long MaxUnixSeconds = 253402300799;

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

            // Integers too big for a long arrive as BigInteger; any value past year 9999 is no time at all.
            long? seconds = null;
            if (token is JValue value && value.Value is long whole)
            {
                seconds = whole;
            }
            else if (token is JValue fraction && fraction.Value is decimal number && number > long.MinValue && number < long.MaxValue)
            {
                seconds = (long)number;
            }
            else if (token.Type == JTokenType.String && long.TryParse((string?)token, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
            {
                seconds = parsed;
            }

            if (seconds is long result && result >= 0 && result <= MaxUnixSeconds)
            {
                return result;
            }

            throw WrongType(name, "a number of seconds between 1970 and 9999", token);
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
                case JTokenType.Integer:
                case JTokenType.Float: return Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture) ?? string.Empty;
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
