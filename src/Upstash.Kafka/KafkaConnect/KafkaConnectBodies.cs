using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Request bodies for Kafka Connect. Its config binds to Map&lt;String,String&gt;, so every value is a string
    /// (ConnectorPropertyValues already made them invariant-culture strings); "name" is the connector's key and is
    /// written only where the API takes it.
    /// </summary>
    internal static class KafkaConnectBodies
    {
        /// <summary>POST /connectors: {name, config, initial_state?}; initial_state only when asked (a worker before 3.7 refuses it).</summary>
        public static string Create(string name, IEnumerable<KeyValuePair<string, string>> config, string? initialState)
        {
            using (var text = new StringWriter(CultureInfo.InvariantCulture))
            using (var json = new JsonTextWriter(text))
            {
                WriteCreate(json, name, WithoutName(config), initialState);
                json.Flush();
                return text.ToString();
            }
        }

        /// <summary>{"name": ..., "config": {...}, "initial_state"?: ...}: the create body, which is also the connector file format.</summary>
        public static void WriteCreate(JsonWriter json, string name, IEnumerable<KeyValuePair<string, string>> config, string? initialState)
        {
            json.WriteStartObject();
            json.WritePropertyName("name");
            json.WriteValue(name);
            json.WritePropertyName("config");
            ConnectorApi.WriteProperties(json, config);
            if (initialState != null)
            {
                json.WritePropertyName("initial_state");
                json.WriteValue(initialState);
            }

            json.WriteEndObject();
        }

        /// <summary>PUT /connectors/{name}/config: the flat map, never wrapped in {"config": ...} (the server answers 500).</summary>
        public static string Config(IEnumerable<KeyValuePair<string, string>> config) => FlatMap(WithoutName(config));

        /// <summary>A flat string map as it is, "name" included when given (the validate endpoint requires one).</summary>
        public static string FlatMap(IEnumerable<KeyValuePair<string, string>> map)
        {
            using (var text = new StringWriter(CultureInfo.InvariantCulture))
            using (var json = new JsonTextWriter(text))
            {
                ConnectorApi.WriteProperties(json, map);
                json.Flush();
                return text.ToString();
            }
        }

        /// <summary>A "name" in the config must equal the connector's (else 400); leaving it out is always right.</summary>
        private static IEnumerable<KeyValuePair<string, string>> WithoutName(IEnumerable<KeyValuePair<string, string>> config)
        {
            foreach (KeyValuePair<string, string> pair in config)
            {
                if (pair.Key != KafkaConnectReader.NameKey)
                {
                    yield return pair;
                }
            }
        }
    }
}
