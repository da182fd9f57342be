using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Creates one object exactly once, even over a flaky network. A create is not idempotent: repeating it after a
    /// lost reply could make a second object or fail on the name the first one took. *(decision, from the contract)*
    /// So after an ambiguous failure (timeout, broken connection, 5xx, an unreadable success) the name is looked up:
    /// found means the first attempt worked and that object is the result; not found means it did not, and the
    /// create is sent again within the retry budget if the failure was a passing one (502-504, a broken connection).
    /// A timeout or 504 is not resent (the server may still be working on it); a 429 is a clear "not done" and is
    /// waited out; any other 4xx is reported as it is. Connectors, topics, clusters and credentials all use this.
    /// </summary>
    internal sealed class CreateRecovery<T>
        where T : class
    {
        private readonly UpstashApiClient client;
        private readonly string kind;
        private readonly string name;

        /// <param name="kind">"connector", "topic": how messages name the object.</param>
        /// <param name="owner">Where the name is looked up, for messages: "the cluster".</param>
        /// <param name="lookup">The command a person runs to look for it: "Get-UpstashKafkaTopic -ClusterId ... -Name 'x'".</param>
        public CreateRecovery(UpstashApiClient client, string kind, string name, string owner, string lookup)
        {
            this.client = client;
            this.kind = kind;
            this.name = name;
            Owner = owner;
            Lookup = lookup;
        }

        private string Owner { get; }

        private string Lookup { get; }

        private string Kind => char.ToUpperInvariant(kind[0]) + kind.Substring(1);

        /// <summary>
        /// Sends the create with <paramref name="send"/>; after an ambiguous failure looks for the name with
        /// <paramref name="find"/>. <paramref name="whyNotOurs"/> says why a found object was there before this
        /// command (null: it looks like ours); <paramref name="recovered"/> finishes an object recovered from the list.
        /// </summary>
        public async Task<T> CreateAsync(
            Func<CancellationToken, Task<T>> send,
            Func<CancellationToken, Task<T?>> find,
            Func<T, DateTimeOffset, string?> whyNotOurs,
            Func<T, T> recovered,
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
                    return await send(cancellation).ConfigureAwait(false);
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
                    client.Log.Verbose($"Creating {kind} '{name}' had no clear answer ({failure.Reason}); checking whether it was created before trying again.");
                    T? existing = await FindAsync(find, failure, cancellation).ConfigureAwait(false);
                    string? notOurs = existing == null ? null : whyNotOurs(existing, firstSent);
                    if (notOurs != null)
                    {
                        throw new UpstashApiException(
                            ApiFailure.Conflict,
                            $"Creating {kind} '{name}' had no clear answer ({failure.Reason}), and {Owner} already has a {kind} of that name " +
                            $"that this command did not create ({notOurs}). Nothing was changed.",
                            failure.StatusCode,
                            failure.ServerMessage);
                    }

                    if (existing != null)
                    {
                        client.Log.Warning($"{Kind} '{name}' was created, but the reply was lost ({failure.Reason}); recovered it from {Owner}'s list instead of creating it again.");
                        return recovered(existing);
                    }

                    if (failure.Failure == ApiFailure.Conflict)
                    {
                        throw failure;
                    }
                }

                if (MayStillBeWorking(failure))
                {
                    // Not in the list yet is no proof: a server too slow to answer may still be creating it, and a
                    // second create would then make a second object. Say so instead of guessing.
                    throw new UpstashApiException(
                        failure.Failure,
                        failure.Message + $" {Kind} '{name}' is not in {Owner}'s list yet, but the service may still be creating it, so it was not sent again: " +
                        $"look for it with {Lookup} before creating it again.",
                        failure.StatusCode,
                        failure.ServerMessage);
                }

                TimeSpan wait = RetryPolicy.DelayBefore(retryNumber, failure.RetryAfter);
                if (!RetryPolicy.IsTransient(failure) || retryNumber > client.Retry.MaxRetries || budget.Elapsed + wait > client.Retry.MaxDuration)
                {
                    throw new UpstashApiException(
                        failure.Failure,
                        failure.Message + $" The {kind} was not created (checked after {retryNumber} attempt(s)).",
                        failure.StatusCode,
                        failure.ServerMessage);
                }

                client.Log.Verbose($"{Kind} '{name}' does not exist yet; sending the create again in {wait.TotalSeconds:0.0#} s (retry {retryNumber} of {client.Retry.MaxRetries}).");
                await Task.Delay(wait, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>Created after our first attempt, with five minutes' leeway for the two clocks; unknown counts as recent.</summary>
        public static bool CreatedSince(DateTimeOffset? creationTime, DateTimeOffset firstSent) =>
            creationTime == null || creationTime >= firstSent - TimeSpan.FromMinutes(5);

        /// <summary>
        /// A timeout or a gateway timeout: the request reached a server that may still be working on it. An unreadable
        /// success too: the service said it was done, so a list that does not show it yet is no reason to send again.
        /// </summary>
        private static bool MayStillBeWorking(UpstashApiException failure) =>
            failure.Failure == ApiFailure.Timeout || failure.StatusCode == 504 || failure.Failure == ApiFailure.InvalidResponse
            // Kafka Connect's own 90 s limit: "the write may still land" (the contract), so it is never resent blindly.
            || (failure.StatusCode == 500 && failure.ServerMessage?.IndexOf("Request timed out", StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>Looks the name up (a GET, itself retried when the network is bad).</summary>
        private async Task<T?> FindAsync(Func<CancellationToken, Task<T?>> find, UpstashApiException createFailure, CancellationToken cancellation)
        {
            try
            {
                return await find(cancellation).ConfigureAwait(false);
            }
            catch (UpstashApiException listFailure)
            {
                // Neither answer is clear: say so, so the user checks before creating it again.
                throw new UpstashApiException(
                    createFailure.Failure,
                    createFailure.Message + $" Checking whether it was created anyway failed too ({listFailure.Reason}), so {kind} '{name}' may or may not exist: " +
                    $"look for it with {Lookup} before creating it again.",
                    createFailure.StatusCode,
                    createFailure.ServerMessage);
            }
        }
    }
}
