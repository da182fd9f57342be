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
        };

        public static JToken Parse(string text)
        {
            using (var reader = CreateReader(new StringReader(text)))
            {
                JToken token = JToken.ReadFrom(reader);
                if (reader.Read())
                {
                    throw new JsonReaderException("Additional text was found after the JSON value.");
                }

                return token;
            }
        }
    }
}
