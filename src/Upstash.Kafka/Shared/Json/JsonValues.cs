using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Optional numbers and flags of cluster, topic and credential replies: sizes in bytes can pass what a Unix time
    /// may be, -1 means "the highest allowed", and some servers send numbers and booleans as strings.
    /// </summary>
    internal static class JsonValues
    {
        public static long? Long(JObject obj, string name)
        {
            JToken? token = obj[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token is JValue value && value.Value is long whole)
            {
                return whole;
            }

            if (token is JValue fraction && fraction.Value is decimal number && number >= long.MinValue && number <= long.MaxValue)
            {
                return (long)number;
            }

            if (token.Type == JTokenType.String && long.TryParse((string?)token, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
            {
                return parsed;
            }

            throw JsonFields.WrongType(name, "a whole number", token);
        }

        public static int? Int(JObject obj, string name)
        {
            long? value = Long(obj, name);
            return value == null ? (int?)null
                : value > int.MaxValue || value < int.MinValue ? throw JsonFields.WrongType(name, "a 32-bit number", obj[name]!) : (int)value.Value;
        }

        public static bool Bool(JObject obj, string name)
        {
            JToken? token = obj[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return false;
            }

            if (token.Type == JTokenType.Boolean)
            {
                return token.Value<bool>();
            }

            if (token.Type == JTokenType.String && bool.TryParse((string?)token, out bool parsed))
            {
                return parsed;
            }

            throw JsonFields.WrongType(name, "true or false", token);
        }
    }
}
