using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Numbers and flags of cluster, topic and statistics replies: missing or null is null, a number sent as a string
    /// is read, anything else means the reply is not what we think it is.
    /// </summary>
    internal static class JsonNumbers
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

            if (token is JValue fraction && fraction.Value is decimal number && number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue)
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
            return value > int.MaxValue || value < int.MinValue ? throw JsonFields.WrongType(name, "a 32-bit number", obj[name]!) : (int?)value;
        }

        public static double? Double(JToken? token, string name)
        {
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token.Type == JTokenType.Integer || token.Type == JTokenType.Float)
            {
                return System.Convert.ToDouble(((JValue)token).Value, CultureInfo.InvariantCulture);
            }

            if (token.Type == JTokenType.String && double.TryParse((string?)token, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
            {
                return parsed;
            }

            throw JsonFields.WrongType(name, "a number", token);
        }

        public static bool? Bool(JObject obj, string name)
        {
            JToken? token = obj[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
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
