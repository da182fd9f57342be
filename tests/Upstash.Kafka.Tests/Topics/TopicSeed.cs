using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Tests.Topics;

/// <summary>Puts topics straight into the emulator's store (no request, nothing in the journal).</summary>
public static class TopicSeed
{
    public const long Week = 604800000L;
    public const long Gigabyte = 1073741824L;
    public const long Megabyte = 1048576L;

    public static string DemoCluster => EmulatorOptions.DemoClusterId;

    public static string Add(EmulatorServer server, string name, int partitions = 1, string? clusterId = null, string cleanupPolicy = "delete") =>
        server.Store.AddTopic(name, clusterId ?? DemoCluster, partitions, Week, Gigabyte, Megabyte, cleanupPolicy).TopicId;

    public static TopicRecord Find(EmulatorServer server, string topicId) =>
        server.Store.FindTopic(topicId) ?? throw new InvalidOperationException("no topic " + topicId);

    /// <summary>The demo cluster's Kafka password, which every topic reply carries in clear.</summary>
    public static string ClusterPassword(EmulatorServer server) => server.Store.FindCluster(DemoCluster)!.Password;
}
