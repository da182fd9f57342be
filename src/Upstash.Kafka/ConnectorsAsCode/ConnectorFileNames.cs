using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// A file name for a connector, safe on Windows, macOS and Linux alike (an export made on one is checked out on
    /// another): characters no file system allows, control characters and '/' '\' become '_', a trailing dot or
    /// space becomes '_', and device names such as CON or NUL get a '_' appended.
    /// </summary>
    internal static class ConnectorFileNames
    {
        private static readonly char[] Forbidden = { '<', '>', ':', '"', '/', '\\', '|', '?', '*' };

        private static readonly HashSet<string> DeviceNames = new HashSet<string>(
            new[] { "CON", "PRN", "AUX", "NUL" }
                .Concat(Enumerable.Range(1, 9).Select(i => "COM" + i))
                .Concat(Enumerable.Range(1, 9).Select(i => "LPT" + i)),
            StringComparer.OrdinalIgnoreCase);

        public static string For(string connectorName, ConnectorFileFormat format)
        {
            var name = new StringBuilder(connectorName.Length);
            foreach (char c in connectorName)
            {
                name.Append(c < 0x20 || c == 0x7f || Array.IndexOf(Forbidden, c) >= 0 ? '_' : c);
            }

            string safe = name.ToString();
            if (safe.Length == 0 || safe == "." || safe == "..")
            {
                safe = safe.Replace('.', '_') + "_";
            }

            if (safe.EndsWith(".", StringComparison.Ordinal) || safe.EndsWith(" ", StringComparison.Ordinal))
            {
                safe = safe.Substring(0, safe.Length - 1) + "_";
            }

            if (DeviceNames.Contains(safe.Split('.')[0]))
            {
                safe += "_";
            }

            return safe + ConnectorFileWriter.Extension(format);
        }
    }
}
