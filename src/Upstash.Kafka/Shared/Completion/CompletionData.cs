using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Completers
{
    /// <summary>
    /// Clusters and connectors for tab completion, from the API, with the rules a completer must keep: never prompt
    /// (the credential comes from -Credential on the command line, Connect-UpstashKafka or the environment, as for
    /// the cmdlets), never block the shell for more than a moment, stay silent on any failure, and ask the API at most
    /// every few seconds (answers are cached briefly per session, address, account and cluster). A slow answer that misses the
    /// cap still lands in the cache, so the next Tab press has it.
    /// </summary>
    internal static class CompletionData
    {
        private static readonly TimeSpan Cap = TimeSpan.FromSeconds(2.5);
        private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
        private static readonly ConcurrentDictionary<string, CachedAnswer> Cache = new ConcurrentDictionary<string, CachedAnswer>(StringComparer.Ordinal);

        public static IReadOnlyList<ClusterSummary> Clusters(IDictionary fakeBoundParameters)
        {
            ApiConnection? connection = UpstashOnly(Connection(fakeBoundParameters));
            return connection == null
                ? Array.Empty<ClusterSummary>()
                : Answer(connection, "clusters", (api, token) => ListClustersAsync(api, token)).OfType<ClusterSummary>().ToList();
        }

        /// <summary>The connectors of -ClusterId when the command line has one, else of every cluster; secrets masked.</summary>
        public static IReadOnlyList<KafkaConnector> Connectors(IDictionary fakeBoundParameters)
        {
            ApiConnection? connection = Connection(fakeBoundParameters);
            if (connection == null)
            {
                return Array.Empty<KafkaConnector>();
            }

            string? clusterId = Unwrap(fakeBoundParameters?["ClusterId"]) as string;
            string key = "connectors:" + (string.IsNullOrWhiteSpace(clusterId) ? "*" : clusterId);
            return Answer(connection, key, (api, token) => ListConnectorsAsync(api, clusterId, token)).OfType<KafkaConnector>().ToList();
        }

        /// <summary>The credentials of -ClusterId when the command line has one, else of every cluster (the API lists them all at once).</summary>
        public static IReadOnlyList<CredentialSummary> Credentials(IDictionary fakeBoundParameters)
        {
            ApiConnection? connection = UpstashOnly(Connection(fakeBoundParameters));
            if (connection == null)
            {
                return Array.Empty<CredentialSummary>();
            }

            string? clusterId = Unwrap(fakeBoundParameters?["ClusterId"]) as string;
            return Answer(connection, "credentials", (api, token) => ListCredentialsAsync(api, token))
                .OfType<CredentialSummary>()
                .Where(c => string.IsNullOrWhiteSpace(clusterId) || c.ClusterId == clusterId)
                .ToList();
        }

        /// <summary>The cached answer to <paramref name="what"/>, fetched when missing or stale; empty when it fails or is late.</summary>
        internal static IReadOnlyList<object> Answer(ApiConnection connection, string what, Func<UpstashApiClient, CancellationToken, Task<List<object>>> fetch)
        {
            // Per runspace as well: each session has its own short-lived view, as it has its own credential.
            string key = Runspace.DefaultRunspace?.InstanceId + "|" + connection.BaseUri + "|" + connection.Email + "|" + what;
            DateTime now = DateTime.UtcNow;
            CachedAnswer answer = Cache.AddOrUpdate(
                key,
                _ => CachedAnswer.Start(connection, fetch, now),
                (_, old) => old.IsUsable(now, Freshness) ? old : CachedAnswer.Start(connection, fetch, now));
            try
            {
                if (answer.Task.Wait(Cap))
                {
                    return answer.Task.Result;
                }
            }
            catch (AggregateException)
            {
                // Any failure (no network, wrong key, timeout) means no suggestions, never an error at the prompt.
                Cache.TryRemove(key, out _);
            }

            return Array.Empty<object>();
        }

        private static async Task<List<object>> ListClustersAsync(UpstashApiClient api, CancellationToken token)
        {
            var clusters = new List<object>();
            await new ClusterApi(api).ListAsync(clusters.Add, token).ConfigureAwait(false);
            return clusters;
        }

        /// <summary>Kept without their Credential: a password has no business in a cache that outlives the call.</summary>
        private static async Task<List<object>> ListCredentialsAsync(UpstashApiClient api, CancellationToken token)
        {
            var credentials = new List<object>();
            await new CredentialApi(api).ListAsync(c => credentials.Add(new CredentialSummary(c)), token).ConfigureAwait(false);
            return credentials;
        }

        private static async Task<List<object>> ListConnectorsAsync(UpstashApiClient api, string? clusterId, CancellationToken token)
        {
            var connectors = new List<object>();
            await ConnectorServers.For(api)
                .ListAsync(string.IsNullOrWhiteSpace(clusterId) ? null : clusterId, includeSecrets: false, connectors.Add, onClusterFailed: null, token)
                .ConfigureAwait(false);
            return connectors;
        }

        /// <summary>Kafka Connect has no clusters, topics or credentials: nothing to ask it for.</summary>
        internal static ApiConnection? UpstashOnly(ApiConnection? connection) =>
            connection?.Kind == ServerKind.Upstash ? connection : null;

        /// <summary>-Connection on the command line, else the cmdlets' own order (-Credential, the session, the environment).</summary>
        internal static ApiConnection? Connection(IDictionary? fakeBoundParameters)
        {
            if (Unwrap(fakeBoundParameters?["Connection"]) is UpstashKafkaConnection given)
            {
                return given.Api;
            }

            try
            {
                var credential = Unwrap(fakeBoundParameters?["Credential"]) as PSCredential;
                return ConnectionResolver.Resolve(credential, Runspace.DefaultRunspace);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        internal static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private sealed class CachedAnswer
        {
            private CachedAnswer(Task<List<object>> task, DateTime started)
            {
                Task = task;
                Started = started;
            }

            public Task<List<object>> Task { get; }

            public DateTime Started { get; }

            public static CachedAnswer Start(ApiConnection connection, Func<UpstashApiClient, CancellationToken, Task<List<object>>> fetch, DateTime now)
            {
                // No retries: a completion that cannot answer at once is better silent than late.
                var client = new UpstashApiClient(connection, NullApiLog.Instance, new SecretRedactor(), UserAgent, new RetryPolicy(0, connection.Timeout));
                Task<List<object>> task = System.Threading.Tasks.Task.Run(async () =>
                {
                    // Bounded by the connection's own request timeout; the prompt stops waiting much sooner (Cap).
                    using (var timeout = new CancellationTokenSource(connection.Timeout))
                    {
                        return await fetch(client, timeout.Token).ConfigureAwait(false);
                    }
                });
                return new CachedAnswer(task, now);
            }

            /// <summary>Still being fetched, or fetched successfully a moment ago.</summary>
            public bool IsUsable(DateTime now, TimeSpan freshness) =>
                !Task.IsCompleted || (Task.Status == TaskStatus.RanToCompletion && now - Started < freshness);
        }

        private static string UserAgent =>
            "Upstash.Kafka/" + (typeof(CompletionData).Assembly.GetName().Version?.ToString(3) ?? "0.0.0") + " (argument completion)";
    }
}
