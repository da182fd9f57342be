using System.Net;
using System.Reflection;
using System.Security;

namespace Upstash.Kafka.Benchmarks.Infrastructure;

/// <summary>
/// Reaches into the imported Upstash.Kafka assembly by reflection, for what no cmdlet shows: the client's own list
/// streaming (ConnectorApi.ListAsync without a pipeline) and whether import created the shared HttpClient.
/// Names here follow src/Upstash.Kafka/Api; when they change, these measurements say "n/a" instead of failing.
/// </summary>
public static class ModuleInternals
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    public static Assembly? LoadedModule() =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "Upstash.Kafka");

    /// <summary>True/false when the module's shared HttpClient exists yet; null when it cannot be told.</summary>
    public static bool? SharedHttpClientCreated()
    {
        Type? shared = LoadedModule()?.GetType("Upstash.Kafka.Api.SharedHttpClient");
        object? lazy = shared?.GetField("Client", Any)?.GetValue(null);
        return lazy?.GetType().GetProperty("IsValueCreated")?.GetValue(lazy) as bool?;
    }

    /// <summary>
    /// A call of ConnectorApi.CreateAsync as the cmdlet makes it (a new client per call, the create body, the reply
    /// read into a KafkaConnector), without PowerShell: shows how much of a create is the client's own cost.
    /// Null when the module's internals are not shaped as expected.
    /// </summary>
    public static Func<Task>? CreateCall(Uri baseUri)
    {
        Func<object>? newApi = ConnectorApiFactory(baseUri);
        MethodInfo? create = LoadedModule()?.GetType("Upstash.Kafka.Api.ConnectorApi")?.GetMethod("CreateAsync", Any);
        if (newApi == null || create == null)
        {
            return null;
        }

        var properties = new Dictionary<string, string> { ["connector.class"] = ConnectorJson.ConnectorClass, ["connection.uri"] = ConnectorJson.ConnectionUri };
        var masked = new Dictionary<string, string> { ["connector.class"] = ConnectorJson.ConnectorClass, ["connection.uri"] = "********" };
        return () => (Task)create.Invoke(newApi(), [ConnectorJson.Name, ConnectorJson.ClusterId, properties, masked, CancellationToken.None])!;
    }

    /// <summary>
    /// Lists a cluster through ConnectorApi.ListAsync, calling <paramref name="onConnector"/> per connector as it is
    /// read. Returns false when the module's internals are not shaped as expected.
    /// </summary>
    public static bool TryList(Uri baseUri, string clusterId, Action onConnector)
    {
        Func<object>? newApi = ConnectorApiFactory(baseUri);
        Type? connectorType = LoadedModule()?.GetType("Upstash.Kafka.KafkaConnector");
        // ListAsync(clusterId, includeSecrets, onConnector, token): the overload that reads each connector once (the
        // other hands on each connector twice, in clear and masked, for connectors as code).
        MethodInfo? list = LoadedModule()?.GetType("Upstash.Kafka.Api.ConnectorApi")?.GetMethods(Any)
            .FirstOrDefault(m => m.Name == "ListAsync" && m.GetParameters().Select(p => p.ParameterType).Take(2).SequenceEqual([typeof(string), typeof(bool)]));
        if (newApi == null || connectorType == null || list == null)
        {
            return false;
        }

        var sink = new Sink(onConnector);
        Delegate callback = Delegate.CreateDelegate(
            typeof(Action<>).MakeGenericType(connectorType), sink, typeof(Sink).GetMethod(nameof(Sink.Arrived))!.MakeGenericMethod(connectorType));
        var task = (Task)list.Invoke(newApi(), [clusterId, false, callback, CancellationToken.None])!;
        task.GetAwaiter().GetResult();
        return true;
    }

    /// <summary>Makes a ConnectorApi over a new UpstashApiClient, as each cmdlet call does.</summary>
    private static Func<object>? ConnectorApiFactory(Uri baseUri)
    {
        Assembly? module = LoadedModule();
        Type? connectionType = module?.GetType("Upstash.Kafka.Api.ApiConnection");
        Type? clientType = module?.GetType("Upstash.Kafka.Api.UpstashApiClient");
        Type? apiType = module?.GetType("Upstash.Kafka.Api.ConnectorApi");
        object? log = module?.GetType("Upstash.Kafka.Api.NullApiLog")?.GetField("Instance", Any)?.GetValue(null);
        Type? redactorType = module?.GetType("Upstash.Kafka.Api.SecretRedactor");
        if (connectionType == null || clientType == null || apiType == null || log == null || redactorType == null)
        {
            return null;
        }

        SecureString key = new NetworkCredential(string.Empty, BenchSession.ApiKey).SecurePassword;
        object connection = Activator.CreateInstance(connectionType, Any, null, [BenchSession.Email, key, baseUri, TimeSpan.FromSeconds(100)], null)!;
        ConstructorInfo? constructor = clientType.GetConstructors(Any).OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor == null)
        {
            return null;
        }

        // The client's constructor grows (a retry policy came later): fill each parameter by its type, and give up
        // (n/a) on one this does not know rather than guess.
        Func<object?>[] arguments = constructor.GetParameters().Select(p => ArgumentFor(p.ParameterType, connection, log, redactorType)).ToArray()!;
        if (arguments.Any(a => a == null))
        {
            return null;
        }

        // Cmdlets send on the calling thread where the runtime can (UpstashKafkaCmdlet.BeginProcessing), as .NET 10 can;
        // so does this client.
        PropertyInfo? sendsSynchronously = clientType.GetProperty("SendsSynchronously", Any);
        return () =>
        {
            object client = constructor.Invoke(arguments.Select(a => a()).ToArray());
            sendsSynchronously?.SetValue(client, true);
            return Activator.CreateInstance(apiType, Any, null, [client], null)!;
        };
    }

    private static Func<object?>? ArgumentFor(Type type, object connection, object log, Type redactorType)
    {
        if (type.IsInstanceOfType(connection))
        {
            return () => connection;
        }

        if (type.IsInstanceOfType(log))
        {
            return () => log;
        }

        if (type == redactorType)
        {
            return () => Activator.CreateInstance(redactorType, nonPublic: true);
        }

        if (type == typeof(string))
        {
            return () => "Upstash.Kafka.Benchmarks";
        }

        // A policy or options type with a static Default (e.g. RetryPolicy.Default).
        object? defaultValue = type.GetProperty("Default", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null);
        return defaultValue != null ? () => defaultValue : null;
    }

    private sealed class Sink(Action onItem)
    {
        public void Arrived<T>(T item) => onItem();
    }
}
