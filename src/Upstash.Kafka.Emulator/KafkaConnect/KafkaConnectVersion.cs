using System.Globalization;
using System.Text.RegularExpressions;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// The Kafka version behind the version string the emulated worker reports, and which features that version has
/// (the contract's version table). Read on every request, so a test can lower it between two calls.
/// </summary>
public static partial class KafkaConnectVersion
{
    /// <summary>What GET / reports beside the version; the contract's example values.</summary>
    public const string Commit = "a60e31147e6b01ee";

    public const string KafkaClusterId = "MkU3OEVBNTcwNTJENDM2Qg";

    /// <summary>
    /// Major and minor Kafka version. Confluent Platform reports its own version with -ce/-ccs: CP 5.N carries Kafka
    /// 2.N, 6.N Kafka 2.(N+6), 7.N Kafka 3.N, 8.N Kafka 4.N. *(decision, as the contract says for clients)* An
    /// unparseable version counts as the newest, so every feature is on.
    /// </summary>
    public static (int Major, int Minor) Parse(string? version)
    {
        Match match = VersionPattern().Match(version ?? string.Empty);
        if (!match.Success)
        {
            return (int.MaxValue, 0);
        }

        int major = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        int minor = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        bool confluent = match.Groups[3].Value.Length > 0;
        if (!confluent)
        {
            return (major, minor);
        }

        return major switch
        {
            5 => (2, minor),
            6 => (2, minor + 6),
            7 => (3, minor),
            8 => (4, minor),
            _ => (major, minor),
        };
    }

    public static bool AtLeast(EmulatorOptions options, int major, int minor) =>
        Parse(options.KafkaConnectVersion).CompareTo((major, minor)) >= 0;

    /// <summary>KIP-465: GET /connectors?expand=... (older workers ignore the query).</summary>
    public static bool HasExpand(EmulatorOptions options) => AtLeast(options, 2, 3);

    /// <summary>KIP-558: GET /connectors/{name}/topics.</summary>
    public static bool HasTopics(EmulatorOptions options) => AtLeast(options, 2, 5);

    /// <summary>KIP-745: restart?includeTasks=&amp;onlyFailed= with 202 (older workers ignore the query).</summary>
    public static bool HasRestartOptions(EmulatorOptions options) => AtLeast(options, 3, 0);

    /// <summary>KIP-769: connector-plugins?connectorsOnly=false and GET /connector-plugins/{p}/config.</summary>
    public static bool HasAllPlugins(EmulatorOptions options) => AtLeast(options, 3, 2);

    /// <summary>KIP-875: PUT .../stop, the STOPPED state and GET .../offsets.</summary>
    public static bool HasStop(EmulatorOptions options) => AtLeast(options, 3, 5);

    /// <summary>KIP-875: PATCH and DELETE .../offsets.</summary>
    public static bool HasAlterOffsets(EmulatorOptions options) => AtLeast(options, 3, 6);

    /// <summary>KIP-980: initial_state on create.</summary>
    public static bool HasInitialState(EmulatorOptions options) => AtLeast(options, 3, 7);

    /// <summary>KIP-477: PATCH /connectors/{name}/config.</summary>
    public static bool HasPatchConfig(EmulatorOptions options) => AtLeast(options, 3, 8);

    /// <summary>KIP-1017: GET /health.</summary>
    public static bool HasHealth(EmulatorOptions options) => AtLeast(options, 3, 9);

    /// <summary>KIP-891: "version" in connector and task status.</summary>
    public static bool HasStatusVersion(EmulatorOptions options) => AtLeast(options, 4, 1);

    [GeneratedRegex(@"^\s*(\d+)\.(\d+)(?:\.\d+)?(?:[^-]*)(-c(?:e|cs)\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
