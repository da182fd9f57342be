using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>One place for how the module reads JSON: no date guessing, bounded depth.</summary>
    internal static class JsonReading
    {
        public static JsonTextReader CreateReader(TextReader text) => new JsonTextReader(text)
        {
            // Times are Unix seconds and point times are strings in two formats; never let the reader guess dates.
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = 64,
            ArrayPool = ReusedCharBuffers.Instance,
            PropertyNameTable = ReplyFieldNames.Instance,
        };

        /// <summary>
        /// Nothing reads a reply token's line and position, and keeping them was an annotation object on every token
        /// (allocation profile, issue 14).
        /// </summary>
        private static readonly JsonLoadSettings NoLineInfo = new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore };

        /// <summary>The value at the reader's position (a list item while a list streams in).</summary>
        public static JToken ReadToken(JsonReader reader) => JToken.ReadFrom(reader, NoLineInfo);

        public static JToken Parse(string text)
        {
            using (var reader = CreateReader(new StringReader(text)))
            {
                JToken token = ReadToken(reader);
                if (reader.Read())
                {
                    throw new JsonReaderException("Additional text was found after the JSON value.");
                }

                return token;
            }
        }
    }
}
