using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Creates a connector exactly once, even over a flaky network. Create is not idempotent: repeating it after a
    /// lost reply could make a second connector or fail on the name the first one took. *(decision, from the
    /// contract)* So after an ambiguous failure (timeout, broken connection, 5xx, an unreadable success) we list the
    /// cluster and look for the name: found means the first attempt worked and that connector is the result; not
    /// found means it did not, and the create is sent again within the retry budget if the failure was a passing one
    /// (502-504, a broken connection, a timeout). A 429 is a clear "not done" and is simply waited out; any other 4xx
    /// is reported as it is.
    /// </summary>
    internal sealed class ConnectorCreator
    {
        private readonly UpstashApiClient client;
        private readonly ConnectorApi connectors;

        public ConnectorCreator(UpstashApiClient client)
        {
            this.client = client;
            connectors = new ConnectorApi(client);
        }

        public async Task<KafkaConnector> CreateAsync(
            string name,
            string clusterId,
            IReadOnlyDictionary<string, string> properties,
            Dictionary<string, string> maskedProperties,
            CancellationToken cancellation)
        {
            var budget = Stopwatch.StartNew();
            DateTimeOffset firstSent = DateTimeOffset.UtcNow;
            bool sentAmbiguously = false;
            for (int retryNumber = 1; ; retryNumber++)
            {
                UpstashApiException failure;
                try
                {
                    return await connectors.CreateAsync(name, clusterId, properties, maskedProperties, cancellation).ConfigureAwait(false);
                }
                catch (UpstashApiException ex) when (ex.Failure == ApiFailure.Conflict && sentAmbiguously)
                {
                    // The name is taken by now: most likely by our own earlier attempt whose reply was lost.
                    failure = ex;
                }
                catch (UpstashApiException ex) when (RetryPolicy.IsAmbiguous(ex) || RetryPolicy.IsTransient(ex))
                {
                    failure = ex;
                }

                if (RetryPolicy.IsAmbiguous(failure) || failure.Failure == ApiFailure.Conflict)
                {
                    sentAmbiguously = true;
                    client.Log.Verbose($"Creating connector '{name}' had no clear answer ({failure.Reason}); checking whether it was created before trying again.");
                    KafkaConnector? existing = await FindByNameAsync(name, clusterId, failure, cancellation).ConfigureAwait(false);
                    if (existing != null && !LooksLikeOurs(existing, properties, firstSent))
                    {
                        throw new UpstashApiException(
                            ApiFailure.Conflict,
                            $"Creating connector '{name}' had no clear answer ({failure.Reason}), and the cluster already has a connector of that name " +
                            $"that this command did not create (created {existing.CreationTime:u}, class {existing.ConnectorClass}). Nothing was changed.",
                            failure.StatusCode,
                            failure.ServerMessage);
                    }

                    if (existing != null)
                    {
                        client.Log.Warning($"Connector '{name}' was created, but the reply was lost ({failure.Reason}); recovered it from the cluster's list instead of creating it again.");
                        existing.Properties = new ConnectorProperties(maskedProperties);
                        existing.SecretsMasked = true;
                        return existing;
                    }

                    if (failure.Failure == ApiFailure.Conflict)
                    {
                        throw failure;
                    }
                }

                if (MayStillBeWorking(failure))
                {
                    // Not in the list yet is no proof: a server too slow to answer may still be creating it, and a
                    // second create would then make a second connector. Say so instead of guessing.
                    throw new UpstashApiException(
                        failure.Failure,
                        failure.Message + $" Connector '{name}' is not in the cluster's list yet, but the service may still be creating it, so it was not sent again: " +
                        $"look for it with Get-UpstashKafkaConnector -ClusterId {clusterId} -Name '{name}' before creating it again.",
                        failure.StatusCode,
                        failure.ServerMessage);
                }

                TimeSpan wait = RetryPolicy.DelayBefore(retryNumber, failure.RetryAfter);
                if (!RetryPolicy.IsTransient(failure) || retryNumber > client.Retry.MaxRetries || budget.Elapsed + wait > client.Retry.MaxDuration)
                {
                    throw new UpstashApiException(
                        failure.Failure,
                        failure.Message + $" The connector was not created (checked after {retryNumber} attempt(s)).",
                        failure.StatusCode,
                        failure.ServerMessage);
                }

                client.Log.Verbose($"Connector '{name}' does not exist yet; sending the create again in {wait.TotalSeconds:0.0#} s (retry {retryNumber} of {client.Retry.MaxRetries}).");
                await Task.Delay(wait, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>A timeout or a gateway timeout: the request reached a server that may still be working on it.</summary>
        private static bool MayStillBeWorking(UpstashApiException failure) =>
            failure.Failure == ApiFailure.Timeout || failure.StatusCode == 504;

        /// <summary>
        /// A connector found by name after a lost reply is ours only if it was created after our first attempt (with
        /// five minutes' leeway for the two clocks) and has the class we sent; otherwise it was there before.
        /// </summary>
        private static bool LooksLikeOurs(KafkaConnector found, IReadOnlyDictionary<string, string> sent, DateTimeOffset firstSent)
        {
            bool recent = found.CreationTime == null || found.CreationTime >= firstSent - TimeSpan.FromMinutes(5);
            sent.TryGetValue("connector.class", out string? sentClass);
            bool sameClass = string.IsNullOrEmpty(found.ConnectorClass) || string.Equals(found.ConnectorClass, sentClass, StringComparison.Ordinal);
            return recent && sameClass;
        }

        /// <summary>Looks the name up in the cluster's list (a GET, itself retried when the network is bad).</summary>
        private async Task<KafkaConnector?> FindByNameAsync(string name, string clusterId, UpstashApiException createFailure, CancellationToken cancellation)
        {
            KafkaConnector? found = null;
            try
            {
                await ListAsync(name, clusterId, c => found = c, cancellation).ConfigureAwait(false);
            }
            catch (UpstashApiException listFailure)
            {
                // Neither answer is clear: say so, so the user checks before creating it again.
                throw new UpstashApiException(
                    createFailure.Failure,
                    createFailure.Message + $" Checking whether it was created anyway failed too ({listFailure.Reason}), so connector '{name}' may or may not exist: " +
                    $"look for it with Get-UpstashKafkaConnector -ClusterId {clusterId} -Name '{name}' before creating it again.",
                    createFailure.StatusCode,
                    createFailure.ServerMessage);
            }

            return found;
        }

        private Task ListAsync(string name, string clusterId, Action<KafkaConnector> onMatch, CancellationToken cancellation) =>
            connectors.ListAsync(
                clusterId,
                includeSecrets: false,
                connector =>
                {
                    if (string.Equals(connector.Name, name, StringComparison.Ordinal))
                    {
                        onMatch(connector);
                    }
                },
                cancellation);
    }
}
