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
