using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// The point times of the statistics endpoints, which come in two formats: "2022-02-07 11:30:28" and Go's default
    /// "2022-02-07 11:30:28.937259962 +0000 UTC" (up to nine fraction digits, an offset, a zone name).
    /// *(decision)* A time without an offset is UTC (the service's clock; its Go times all say +0000 UTC). Fractions
    /// finer than .NET's 100 ns are cut, not rounded. ISO 8601 ("2022-02-07T11:30:28Z") is read too.
    /// </summary>
    internal static class StatisticTime
    {
        private static readonly Regex Format = new Regex(
            @"^(?<date>\d{4}-\d{2}-\d{2})[ T](?<time>\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d{1,9}))?\s*(?<offset>Z|[+-]\d{2}:?\d{2})?(?:\s+(?<zone>[A-Za-z][A-Za-z0-9+\-]*))?$",
            RegexOptions.CultureInvariant);

        public static bool TryParse(string? text, out DateTimeOffset time)
        {
            time = default;
            Match match = Format.Match((text ?? string.Empty).Trim());
            if (!match.Success ||
                !DateTime.TryParseExact(match.Groups["date"].Value + " " + match.Groups["time"].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local) ||
                !TryOffset(match.Groups["offset"].Value, out TimeSpan offset))
            {
                return false;
            }

            string fraction = match.Groups["fraction"].Value;
            long ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0').Substring(0, 7), CultureInfo.InvariantCulture);
            time = new DateTimeOffset(local.AddTicks(ticks), offset);
            return true;
        }

        private static bool TryOffset(string text, out TimeSpan offset)
        {
            offset = TimeSpan.Zero;
            if (text.Length == 0 || text == "Z")
            {
                return true;
            }

            string digits = text.Replace(":", string.Empty);
            int hours = int.Parse(digits.Substring(1, 2), CultureInfo.InvariantCulture);
            int minutes = int.Parse(digits.Substring(3, 2), CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0);
            offset = digits[0] == '-' ? offset.Negate() : offset;
            return true;
        }
    }
}
