using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Reads connector files: *.json as Kafka Connect's POST /connectors body, *.properties as connect-standalone's
    /// connector file. Values are taken as strings; ${env:...} references are left for <see cref="EnvReferences"/>.
    /// Every problem is a <see cref="ConnectorFileException"/> naming the file.
    /// </summary>
    internal static class ConnectorFileReader
    {
        public const string InvalidFileErrorId = "InvalidConnectorFile";
        public const string NameKey = "name";

        private static readonly string[] TopLevelFields = { "name", "config", "initial_state" };

        /// <summary>The files of a folder that hold connectors: every *.json and *.properties in it (not below), by name.</summary>
        public static IEnumerable<string> FilesIn(string folder) =>
            Directory.EnumerateFiles(folder)
                .Where(IsConnectorFile)
                .OrderBy(f => f, StringComparer.Ordinal);

        /// <summary>Whether a file's extension is one this reader reads (case-insensitive, as Windows users name files).</summary>
        public static bool IsConnectorFile(string path) => FormatOf(path) != null;

        public static ConnectorFileFormat? FormatOf(string path)
        {
            string extension = Path.GetExtension(path);
            if (string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase))
            {
                return ConnectorFileFormat.Json;
            }

            return string.Equals(extension, ".properties", StringComparison.OrdinalIgnoreCase) ? ConnectorFileFormat.Properties : (ConnectorFileFormat?)null;
        }

        /// <summary>Reads one file; its extension says the format.</summary>
        /// <exception cref="ConnectorFileException">The file cannot be read or is not a connector.</exception>
        public static ConnectorFile Read(string path)
        {
            ConnectorFileFormat format = FormatOf(path)
                ?? throw new ConnectorFileException($"'{path}' is not a connector file: connector files end in .json or .properties.", path, "UnknownConnectorFileType");
            string text;
            try
            {
                text = Decode(File.ReadAllBytes(path));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ConnectorFileException($"The connector file '{path}' cannot be read: {ex.Message}", path, "ConnectorFileUnreadable");
            }

            return format == ConnectorFileFormat.Json ? ReadJson(text, path) : ReadProperties(text, path);
        }

        /// <summary>
        /// Kafka Connect's POST /connectors body: an object with "name" (a string), "config" (an object of scalars) and
        /// optionally "initial_state" (RUNNING or PAUSED). Nothing else may stand at the top level, so the file stays
        /// a body a Kafka Connect worker accepts as it is.
        /// </summary>
        public static ConnectorFile ReadJson(string text, string? path)
        {
            JToken token;
            bool trailingComment = false;
            try
            {
                using (JsonTextReader reader = JsonReading.CreateReader(new StringReader(text)))
                {
                    // Duplicate keys are an error rather than "last one wins": a repeated secret key is a mistake to point out.
                    token = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, CommentHandling = CommentHandling.Load });
                    if (reader.Read())
                    {
                        trailingComment = reader.TokenType == JsonToken.Comment;
                        if (!trailingComment)
                        {
                            throw new JsonReaderException("There is more text after the JSON object.");
                        }
                    }
                }
            }
            catch (JsonException ex)
            {
                throw Invalid(path, "is not valid JSON: " + ex.Message);
            }

            if (trailingComment || token.Type == JTokenType.Comment || (token is JContainer container && container.Descendants().Any(t => t.Type == JTokenType.Comment)))
            {
                // *(decision)* Kafka Connect's JSON parser refuses comments, and the file must post to a worker as it is.
                throw Invalid(path, "has a comment. Kafka Connect's REST API does not accept comments in JSON; remove them (or use a .properties file, which allows # comments).");
            }

            if (!(token is JObject body))
            {
                throw Invalid(path, "is " + JsonFields.Describe(token.Type) + ", not a connector: it should be an object like {\"name\": \"orders\", \"config\": {\"connector.class\": \"...\"}}.");
            }

            string[] unknown = body.Properties().Select(p => p.Name).Where(n => !TopLevelFields.Contains(n, StringComparer.Ordinal)).ToArray();
            if (unknown.Length > 0)
            {
                string hint = body["config"] == null && body["connector.class"] != null
                    ? " It looks like a bare configuration: wrap it as {\"name\": \"...\", \"config\": { ... }}."
                    : " Only \"name\", \"config\" and \"initial_state\" may stand at the top level; configuration keys go inside \"config\".";
                throw Invalid(path, $"has {string.Join(", ", unknown.Select(u => "\"" + u + "\""))} at the top level.{hint}");
            }

            string name = ReadName(body["name"], path);
            if (!(body["config"] is JObject config))
            {
                throw Invalid(path, body["config"] == null ? "has no \"config\" object." : "has a \"config\" that is " + JsonFields.Describe(body["config"]!.Type) + ", not an object of strings.");
            }

            var values = new List<KeyValuePair<string, string>>();
            foreach (JProperty property in config.Properties())
            {
                if (!JsonFields.IsScalar(property.Value))
                {
                    // *(decision)* Kafka Connect's config is a map of strings: a list or object would be refused by a worker.
                    throw Invalid(path, $"has config \"{property.Name}\" that is {JsonFields.Describe(property.Value.Type)}. Config values are strings (numbers and booleans are taken as their text); write a list as \"a,b,c\".");
                }

                values.Add(new KeyValuePair<string, string>(property.Name, JsonFields.ScalarText(property.Value)));
            }

            return new ConnectorFile(name, values, ReadInitialState(body["initial_state"], path), path, ConnectorFileFormat.Json);
        }

        /// <summary>
        /// connect-standalone's connector file: name=... plus the configuration. *(decision)* A repeated key is an
        /// error (Java keeps the last silently). A comment line "# initial_state=PAUSED" (or RUNNING) carries the
        /// state, which the format has no key for; connect-standalone ignores it as the comment it is.
        /// </summary>
        public static ConnectorFile ReadProperties(string text, string? path)
        {
            List<PropertiesFormat.Entry> entries;
            try
            {
                entries = PropertiesFormat.Parse(text);
            }
            catch (FormatException ex)
            {
                throw Invalid(path, ex.Message);
            }

            string? name = null;
            var values = new List<KeyValuePair<string, string>>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (PropertiesFormat.Entry entry in entries)
            {
                if (seen.TryGetValue(entry.Key, out int firstLine))
                {
                    throw Invalid(path, $"sets '{entry.Key}' twice (lines {firstLine} and {entry.Line}). Keep one.");
                }

                seen.Add(entry.Key, entry.Line);
                if (entry.Key == NameKey)
                {
                    name = entry.Value;
                }
                else
                {
                    values.Add(new KeyValuePair<string, string>(entry.Key, entry.Value));
                }
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                throw Invalid(path, "has no name=... line; a connector file names its connector.");
            }

            return new ConnectorFile(name!.Trim(), values, StateComment(text, path), path, ConnectorFileFormat.Properties);
        }

        /// <summary>The comment line that carries the state in a .properties file, as <see cref="ConnectorFileWriter"/> writes it.</summary>
        internal const string StateCommentPrefix = "# initial_state=";

        private static ConnectorInitialState? StateComment(string text, string? path)
        {
            foreach (string line in text.Split('\n'))
            {
                string trimmed = line.Trim();
                if (trimmed.StartsWith(StateCommentPrefix, StringComparison.Ordinal))
                {
                    return ParseState(trimmed.Substring(StateCommentPrefix.Length).Trim(), path);
                }
            }

            return null;
        }

        private static string ReadName(JToken? token, string? path)
        {
            if (token == null || token.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)token))
            {
                throw Invalid(path, token == null ? "has no \"name\"." : "has a \"name\" that is not a non-empty string.");
            }

            return ((string)token!).Trim();
        }

        private static ConnectorInitialState? ReadInitialState(JToken? token, string? path)
        {
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            return token.Type == JTokenType.String
                ? ParseState((string)token!, path)
                : throw Invalid(path, "has an \"initial_state\" that is " + JsonFields.Describe(token.Type) + "; it should be \"RUNNING\", \"PAUSED\" or \"STOPPED\".");
        }

        /// <summary>
        /// Case-insensitive, as Kafka Connect reads it. STOPPED (KIP-980) is read too: Kafka Connect has it, and
        /// Compare and Sync refuse it, naming the file, when their server is Upstash.
        /// </summary>
        private static ConnectorInitialState ParseState(string state, string? path)
        {
            switch (state.Trim().ToUpperInvariant())
            {
                case "RUNNING": return ConnectorInitialState.Running;
                case "PAUSED": return ConnectorInitialState.Paused;
                case "STOPPED": return ConnectorInitialState.Stopped;
                default:
                    throw Invalid(path, $"has initial_state '{state}'; it should be RUNNING, PAUSED or STOPPED.");
            }
        }

        /// <summary>
        /// UTF-8 (with or without a byte order mark), else ISO-8859-1: connect-standalone reads .properties as
        /// ISO-8859-1, and a hand-written file in an old editor may be that. The writer writes ASCII, so both agree.
        /// </summary>
        private static string Decode(byte[] bytes)
        {
            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
            }
            catch (DecoderFallbackException)
            {
                return Encoding.GetEncoding("ISO-8859-1").GetString(bytes);
            }
        }

        private static ConnectorFileException Invalid(string? path, string what) =>
            new ConnectorFileException((path == null ? "The connector text " : $"The connector file '{path}' ") + what, path, InvalidFileErrorId);
    }
}
