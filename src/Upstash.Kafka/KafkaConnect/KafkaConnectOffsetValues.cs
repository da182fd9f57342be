using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Numerics;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Offsets between JSON and PowerShell. Kafka Connect's partitions and offsets are free-form maps (a source
    /// connector chooses its own keys), so they are read into ordered dictionaries with plain values a script can
    /// compare and edit, and written back from whatever a script built: hashtables, ordered dictionaries,
    /// PSCustomObjects (ConvertFrom-Json), strings, numbers, booleans and lists.
    /// </summary>
    internal static class KafkaConnectOffsetValues
    {
        /// <summary>
        /// An object as an ordered dictionary. Keys look up case-insensitively, as in PowerShell's own [ordered]@{}
        /// (so $o.Offset.Kafka_Offset = 5 edits the existing key instead of adding a second); their text is kept as
        /// sent. *(decision)* A map whose keys differ only in case keeps all of them, with case-sensitive lookup.
        /// </summary>
        public static OrderedDictionary ToDictionary(JObject obj)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            bool distinctIgnoringCase = obj.Properties().All(p => names.Add(p.Name));
            var map = distinctIgnoringCase ? new OrderedDictionary(StringComparer.OrdinalIgnoreCase) : new OrderedDictionary(StringComparer.Ordinal);
            foreach (JProperty property in obj.Properties())
            {
                map[property.Name] = ToValue(property.Value);
            }

            return map;
        }

        /// <summary>A JSON value as PowerShell handles it best: whole numbers as Int32 when they fit, else Int64; fractions as Double.</summary>
        public static object? ToValue(JToken token)
        {
            switch (token.Type)
            {
                case JTokenType.Object:
                    return ToDictionary((JObject)token);
                case JTokenType.Array:
                    return token.Select(ToValue).ToArray();
                case JTokenType.Null:
                case JTokenType.Undefined:
                    return null;
                case JTokenType.Boolean:
                    return token.Value<bool>();
                case JTokenType.Integer:
                    object? whole = ((JValue)token).Value;
                    return whole is long number
                        ? number >= int.MinValue && number <= int.MaxValue ? (object)(int)number : number
                        : whole; // A BigInteger, past Int64: kept whole rather than rounded.
                case JTokenType.Float:
                    return Convert.ToDouble(((JValue)token).Value, CultureInfo.InvariantCulture);
                default:
                    return JsonFields.ScalarText(token);
            }
        }

        /// <summary>A partition or offset map given by a script, as JSON; <paramref name="path"/> names it in errors.</summary>
        /// <exception cref="ArgumentException">It is not a map, or holds a value JSON cannot carry.</exception>
        public static JObject ToJsonObject(object? value, string path)
        {
            JToken json = ToJson(value, path);
            return json as JObject ?? throw new ArgumentException($"{path} must be a hashtable (for example @{{ kafka_offset = 42 }}), not {Describe(value)}.");
        }

        /// <exception cref="ArgumentException">A value JSON cannot carry (a date, a NaN, an object that is no map).</exception>
        public static JToken ToJson(object? value, string path)
        {
            object? bare = value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
            switch (bare)
            {
                case null:
                    return JValue.CreateNull();
                case PSObject custom:
                    // A PSCustomObject (ConvertFrom-Json, [pscustomobject]@{...}): its note properties are the map.
                    var fromObject = new JObject();
                    foreach (PSPropertyInfo property in custom.Properties.Where(p => p.MemberType == PSMemberTypes.NoteProperty))
                    {
                        fromObject[property.Name] = ToJson(property.Value, path + "." + property.Name);
                    }

                    return fromObject;
                case string text:
                    return new JValue(text);
                case char letter:
                    return new JValue(letter.ToString());
                case bool flag:
                    return new JValue(flag);
                case byte _:
                case sbyte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                    return new JValue(Convert.ToInt64(bare, CultureInfo.InvariantCulture));
                case ulong big:
                    return new JValue(big);
                case BigInteger huge:
                    return new JValue(huge);
                case decimal exact:
                    return new JValue(exact);
                case float _:
                case double _:
                    double real = Convert.ToDouble(bare, CultureInfo.InvariantCulture);
                    return double.IsNaN(real) || double.IsInfinity(real)
                        ? throw new ArgumentException($"{path} is {real.ToString(CultureInfo.InvariantCulture)}, which JSON cannot carry.")
                        : new JValue(real);
                case Enum named:
                    return new JValue(named.ToString());
                case IDictionary map:
                    var obj = new JObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        string key = Convert.ToString(entry.Key is PSObject k ? k.BaseObject : entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                        obj[key] = ToJson(entry.Value, path + "." + key);
                    }

                    return obj;
                case IEnumerable list:
                    var array = new JArray();
                    int index = 0;
                    foreach (object? item in list)
                    {
                        array.Add(ToJson(item, $"{path}[{index++}]"));
                    }

                    return array;
                default:
                    throw new ArgumentException($"{path} is {Describe(value)}, which JSON cannot carry: give a string, a number, $true or $false, a list or a hashtable.");
            }
        }

        /// <summary>
        /// A map as the default view shows it: a sink's partition as Kafka writes a topic partition ("orders-0") and its
        /// offset as the bare number, since their keys are always the same; any other map as <see cref="Text"/>, since
        /// a source's keys are its connector's own and say what the values are.
        /// </summary>
        public static string ShortText(IDictionary? map)
        {
            if (map != null && map.Count == 2 && map.Contains("kafka_topic") && map.Contains("kafka_partition"))
            {
                return ValueText(map["kafka_topic"]) + "-" + ValueText(map["kafka_partition"]);
            }

            return map != null && map.Count == 1 && map.Contains("kafka_offset") ? ValueText(map["kafka_offset"]) : Text(map);
        }

        /// <summary>"kafka_topic=orders, kafka_partition=0": a map on one line (nested maps in braces, lists in brackets).</summary>
        public static string Text(IDictionary? map)
        {
            if (map == null)
            {
                return string.Empty;
            }

            return string.Join(", ", map.Cast<DictionaryEntry>().Select(e => $"{ValueText(e.Key)}={ValueText(e.Value)}"));
        }

        private static string ValueText(object? value)
        {
            object? bare = value is PSObject wrapped ? wrapped.BaseObject : value;
            switch (bare)
            {
                case null:
                    return "null";
                case string text:
                    return text;
                case bool flag:
                    return flag ? "true" : "false";
                case IDictionary map:
                    return "{" + Text(map) + "}";
                case IEnumerable list:
                    return "[" + string.Join(", ", list.Cast<object?>().Select(ValueText)) + "]";
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return bare.ToString() ?? string.Empty;
            }
        }

        private static string Describe(object? value)
        {
            object? bare = value is PSObject wrapped ? wrapped.BaseObject : value;
            return bare == null ? "$null" : "a " + bare.GetType().Name;
        }
    }
}
