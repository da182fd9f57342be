using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// java.util.Properties text, both ways, as connect-standalone reads a connector file: logical lines continued
    /// by an odd number of trailing backslashes, # and ! comments, key and value separated by '=', ':' or
    /// whitespace, and the escapes \t \n \r \f \uXXXX (any other escaped character stands for itself).
    /// </summary>
    internal static class PropertiesFormat
    {
        /// <summary>One key and value with the line it started on, for messages.</summary>
        public readonly struct Entry
        {
            public Entry(string key, string value, int line)
            {
                Key = key;
                Value = value;
                Line = line;
            }

            public string Key { get; }

            public string Value { get; }

            public int Line { get; }
        }

        /// <summary>The entries in file order; duplicates are kept for the caller to judge.</summary>
        /// <exception cref="FormatException">A malformed \uXXXX escape; the message names the line.</exception>
        public static List<Entry> Parse(string text)
        {
            var entries = new List<Entry>();
            string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                int startLine = i + 1;
                string natural = SkipLeadingWhitespace(lines[i]);
                if (natural.Length == 0 || natural[0] == '#' || natural[0] == '!')
                {
                    // A comment line is never continued: each commented natural line carries its own marker.
                    continue;
                }

                var logical = new StringBuilder();
                while (true)
                {
                    if (!EndsWithContinuation(natural))
                    {
                        logical.Append(natural);
                        break;
                    }

                    logical.Append(natural, 0, natural.Length - 1);
                    if (i + 1 >= lines.Length)
                    {
                        break;
                    }

                    i++;
                    natural = SkipLeadingWhitespace(lines[i]);
                }

                entries.Add(SplitEntry(logical.ToString(), startLine));
            }

            return entries;
        }

        /// <summary>Writes one key=value line the way Properties.store does, so any Java reader gets the same strings.</summary>
        public static void AppendEntry(StringBuilder text, string key, string value)
        {
            Escape(text, key, isKey: true);
            text.Append('=');
            Escape(text, value, isKey: false);
            text.Append('\n');
        }

        private static Entry SplitEntry(string line, int lineNumber)
        {
            int keyEnd = 0;
            bool escaped = false;
            while (keyEnd < line.Length)
            {
                char c = line[keyEnd];
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '=' || c == ':' || IsWhitespace(c))
                {
                    break;
                }

                keyEnd++;
            }

            int valueStart = keyEnd;
            while (valueStart < line.Length && IsWhitespace(line[valueStart]))
            {
                valueStart++;
            }

            if (valueStart < line.Length && (line[valueStart] == '=' || line[valueStart] == ':'))
            {
                valueStart++;
                while (valueStart < line.Length && IsWhitespace(line[valueStart]))
                {
                    valueStart++;
                }
            }

            return new Entry(Unescape(line.Substring(0, keyEnd), lineNumber), Unescape(line.Substring(valueStart), lineNumber), lineNumber);
        }

        private static string Unescape(string text, int lineNumber)
        {
            if (text.IndexOf('\\') < 0)
            {
                return text;
            }

            var result = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c != '\\' || i + 1 >= text.Length)
                {
                    // A lone trailing backslash (the end of the file after a continuation) is dropped, as Java does.
                    if (c != '\\')
                    {
                        result.Append(c);
                    }

                    continue;
                }

                char next = text[++i];
                switch (next)
                {
                    case 't': result.Append('\t'); break;
                    case 'n': result.Append('\n'); break;
                    case 'r': result.Append('\r'); break;
                    case 'f': result.Append('\f'); break;
                    case 'u':
                        if (text.Length - (i + 1) < 4 ||
                            !int.TryParse(text.Substring(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            throw new FormatException($"line {lineNumber} has a malformed \\uXXXX escape (four hexadecimal digits must follow \\u).");
                        }

                        result.Append((char)code);
                        i += 4;
                        break;
                    default: result.Append(next); break;
                }
            }

            return result.ToString();
        }

        private static void Escape(StringBuilder text, string value, bool isKey)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                switch (c)
                {
                    case ' ':
                        // Properties.store escapes every space of a key, and only a value's leading one.
                        text.Append(isKey || i == 0 ? "\\ " : " ");
                        break;
                    case '\\': text.Append("\\\\"); break;
                    case '\t': text.Append("\\t"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\f': text.Append("\\f"); break;
                    case '=':
                    case ':':
                    case '#':
                    case '!':
                        text.Append('\\').Append(c);
                        break;
                    default:
                        if (c < 0x20 || c > 0x7e)
                        {
                            // connect-standalone reads the file as ISO-8859-1: anything else only survives as \uXXXX.
                            text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }

                        break;
                }
            }
        }

        private static bool EndsWithContinuation(string line)
        {
            int backslashes = 0;
            for (int i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
            {
                backslashes++;
            }

            return backslashes % 2 == 1;
        }

        private static string SkipLeadingWhitespace(string line)
        {
            int start = 0;
            while (start < line.Length && IsWhitespace(line[start]))
            {
                start++;
            }

            return line.Substring(start);
        }

        private static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\f';
    }
}
