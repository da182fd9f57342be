using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Writes one connector as a file: JSON as Kafka Connect's POST /connectors body, or connect-standalone's
    /// .properties. *(decision)* The text is stable so exports diff cleanly in git: connector.class first, then the
    /// other keys in ordinal order, LF line endings, UTF-8 without a byte order mark (.properties is pure ASCII,
    /// with \uXXXX escapes, because connect-standalone reads it as ISO-8859-1), and no timestamp.
    /// </summary>
    internal static class ConnectorFileWriter
    {
        public const string ConnectorClassKey = "connector.class";

        private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

        public static string Extension(ConnectorFileFormat format) => format == ConnectorFileFormat.Json ? ".json" : ".properties";

        public static string Text(ConnectorFileFormat format, string name, IEnumerable<KeyValuePair<string, string>> config, ConnectorInitialState? state) =>
            format == ConnectorFileFormat.Json ? Json(name, config, state) : Properties(name, config, state);

        /// <summary>
        /// {"name": ..., "config": {...}} with "initial_state" only when it says PAUSED or RUNNING: *(decision)* a
        /// running connector is written without it, so the file also posts to workers older than Kafka Connect 3.5.
        /// </summary>
        public static string Json(string name, IEnumerable<KeyValuePair<string, string>> config, ConnectorInitialState? state)
        {
            var text = new StringWriter { NewLine = "\n" };
            using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2 })
            {
                // Kafka Connect's own POST /connectors body, so a file posts to a worker as it is.
                KafkaConnectBodies.WriteCreate(json, name, Ordered(config), state == null ? null : StateText(state.Value));
            }

            return text.ToString().Replace("\r\n", "\n") + "\n";
        }

        /// <summary>name=... first, then the configuration; a state goes in the "# initial_state=" comment the reader knows.</summary>
        public static string Properties(string name, IEnumerable<KeyValuePair<string, string>> config, ConnectorInitialState? state)
        {
            var text = new StringBuilder();
            if (state != null)
            {
                text.Append(ConnectorFileReader.StateCommentPrefix).Append(StateText(state.Value)).Append('\n');
            }

            PropertiesFormat.AppendEntry(text, ConnectorFileReader.NameKey, name);
            foreach (KeyValuePair<string, string> pair in Ordered(config).Where(p => p.Key != ConnectorFileReader.NameKey))
            {
                PropertiesFormat.AppendEntry(text, pair.Key, pair.Value);
            }

            return text.ToString();
        }

        /// <summary>Writes the text; with <paramref name="noClobber"/> an existing file is an IOException, never overwritten.</summary>
        public static void Save(string path, string text, bool noClobber)
        {
            byte[] bytes = Utf8NoBom.GetBytes(text);
            using (var stream = new FileStream(path, noClobber ? FileMode.CreateNew : FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes, 0, bytes.Length);
            }
        }

        public static string StateText(ConnectorInitialState state) => state.ToString().ToUpperInvariant();

        private static IEnumerable<KeyValuePair<string, string>> Ordered(IEnumerable<KeyValuePair<string, string>> config) =>
            config.OrderBy(p => p.Key == ConnectorClassKey ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal);
    }
}
