using System;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Turns an error reply into one line of text. Error bodies are not documented; seen in practice are
    /// {"error": "..."}, {"message": "..."}, a JSON string and plain text. *(decision)* Take error, else message,
    /// else the JSON string, else the trimmed raw text, and never dump an HTML page into a message.
    /// </summary>
    internal static class ErrorBodyReader
    {
        public const int MaxLength = 300;

        public static string Describe(string? body, string? mediaType)
        {
            string text = (body ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                return "the reply had no body";
            }

            if (LooksLikeHtml(text, mediaType))
            {
                return "the server returned an HTML page instead of an API reply";
            }

            string? fromJson = TryReadJson(text);
            return Shorten(fromJson ?? text);
        }

        /// <summary>
        /// Kafka Connect's error text: the whole message (a 400 for an invalid configuration lists each bad key on a
        /// line of its own, and a shortened one would lose them), on one line. A Java stack trace (a 500's
        /// "\tat org.apache..." lines) is left out of the text and returned as <paramref name="stack"/> for the
        /// error's details.
        /// </summary>
        public static string DescribeKafkaConnect(string? body, string? mediaType, out string? stack)
        {
            stack = null;
            string text = (body ?? string.Empty).Trim();
            if (text.Length == 0 || LooksLikeHtml(text, mediaType))
            {
                return Describe(body, mediaType);
            }

            string message = (TryReadJson(text) ?? text).Replace("\r\n", "\n");
            var kept = new StringBuilder();
            string[] lines = message.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.StartsWith("at ", StringComparison.Ordinal) || line.StartsWith("Caused by:", StringComparison.Ordinal))
                {
                    stack = string.Join("\n", lines, i, lines.Length - i).Trim();
                    break;
                }

                if (line.Length > 0)
                {
                    kept.Append(kept.Length == 0 ? string.Empty : " ").Append(line);
                }
            }

            string one = kept.ToString();
            return one.Length <= MaxKafkaConnectLength ? one : one.Substring(0, MaxKafkaConnectLength) + "…";
        }

        /// <summary>Long enough for a 400 that lists a dozen bad keys; a longer text is cut rather than flood a console.</summary>
        private const int MaxKafkaConnectLength = 4000;

        /// <summary>
        /// One line for a reply that is not an error (debug output): like <see cref="Describe"/> without looking for
        /// an error text in it, so a success body is not parsed a second time on every call.
        /// </summary>
        public static string Summarize(string? body, string? mediaType)
        {
            string text = (body ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                return "the reply had no body";
            }

            return LooksLikeHtml(text, mediaType) ? "the server returned an HTML page instead of an API reply" : Shorten(text);
        }

        private static bool LooksLikeHtml(string text, string? mediaType) =>
            (mediaType != null && mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0) ||
            text.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("<html", StringComparison.OrdinalIgnoreCase);

        private static string? TryReadJson(string text)
        {
            char first = text[0];
            if (first != '{' && first != '"')
            {
                return null;
            }

            try
            {
                JToken token = JsonReading.Parse(text);
                if (token is JObject obj)
                {
                    return TextOf(obj["error"]) ?? TextOf(obj["message"]);
                }

                return TextOf(token);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? TextOf(JToken? token)
        {
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token.Type == JTokenType.String)
            {
                string value = ((string?)token ?? string.Empty).Trim();
                return value.Length == 0 ? null : value;
            }

            // {"error": {"code": ..., "message": ...}} and the like: keep the structure, compactly.
            return token.ToString(Formatting.None);
        }

        private static string Shorten(string text)
        {
            var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
            foreach (char c in text)
            {
                if (builder.Length >= MaxLength)
                {
                    builder.Append('…');
                    break;
                }

                // One line: a multi-line or binary body must not break the error view.
                builder.Append(char.IsControl(c) ? ' ' : c);
            }

            return builder.ToString().Trim();
        }
    }
}
