using System;
using System.IO;
using Newtonsoft.Json;

namespace Upstash.Kafka.Api
{
    /// <summary>A request body of a few fields, written straight to text rather than built as a JObject first.</summary>
    internal static class JsonBody
    {
        public static string Of(Action<JsonWriter> writeFields)
        {
            using (var text = new StringWriter())
            using (var json = new JsonTextWriter(text))
            {
                json.WriteStartObject();
                writeFields(json);
                json.WriteEndObject();
                json.Flush();
                return text.ToString();
            }
        }
    }
}
