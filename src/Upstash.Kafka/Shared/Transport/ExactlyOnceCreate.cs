using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Creates an object exactly once, even over a flaky network: what connector, cluster and credential creates share.
    /// A create is not idempotent: repeating it after a lost reply could make a second object or fail on the name the
    /// first one took. *(decision, from the contract)* So after an ambiguous failure (timeout, broken connection, 5xx,
    /// an unreadable success) the name is looked up: found means the first attempt worked and that object is the
    /// result; not found means it did not, and the create is sent again within the retry budget if the failure was a
    /// passing one (502-504, a broken connection, a timeout). A 429 is a clear "not done" and is simply waited out;
    /// any other 4xx is reported as it is.
    /// </summary>
    internal sealed class ExactlyOnceCreate<T>
        where T : class
    {
        private readonly UpstashApiClient client;
        private readonly CreateTarget<T> target;

        public ExactlyOnceCreate(UpstashApiClient client, CreateTarget<T> target)
        {
            this.client = client;
            this.target = target;
        }

        public async Task<T> RunAsync(CancellationToken cancellation)
        {
            var budget = Stopwatch.StartNew();
            DateTimeOffset firstSent = DateTimeOffset.UtcNow;
            bool sentAmbiguously = false;
            string kind = target.Kind;
            string titled = char.ToUpperInvariant(kind[0]) + kind.Substring(1);
            for (int retryNumber = 1; ; retryNumber++)
            {
                UpstashApiException failure;
                try
                {
                    return await target.Send(cancellation).ConfigureAwait(false);
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
                    client.Log.Verbose($"Creating {kind} '{target.Name}' had no clear answer ({failure.Reason}); checking whether it was created before trying again.");
                    T? existing = await FindAsync(failure, cancellation).ConfigureAwait(false);
                    string? notOurs = existing == null ? null : target.WhyNotOurs(existing, firstSent);
                    if (notOurs != null)
                    {
                        throw new UpstashApiException(
                            ApiFailure.Conflict,
                            $"Creating {kind} '{target.Name}' had no clear answer ({failure.Reason}), and {target.Container} already has a {kind} of that name " +
                            $"that this command did not create ({notOurs}). Nothing was changed.",
                            failure.StatusCode,
                            failure.ServerMessage);
                    }

                    if (existing != null)
                    {
                        client.Log.Warning($"{titled} '{target.Name}' was created, but the reply was lost ({failure.Reason}); recovered it from {target.ListName} instead of creating it again.");
                        return target.Recovered(existing);
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
                        failure.Message + $" {titled} '{target.Name}' is not in {target.ListName} yet, but the service may still be creating it, so it was not sent again: " +
                        $"look for it with {target.LookupHint} before creating it again.",
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

                client.Log.Verbose($"{titled} '{target.Name}' does not exist yet; sending the create again in {wait.TotalSeconds:0.0#} s (retry {retryNumber} of {client.Retry.MaxRetries}).");
                await Task.Delay(wait, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>A timeout or a gateway timeout: the request reached a server that may still be working on it.</summary>
        private static bool MayStillBeWorking(UpstashApiException failure) =>
            failure.Failure == ApiFailure.Timeout || failure.StatusCode == 504;

        /// <summary>Looks the name up (a GET, itself retried when the network is bad).</summary>
        private async Task<T?> FindAsync(UpstashApiException createFailure, CancellationToken cancellation)
        {
            try
            {
                return await target.Find(cancellation).ConfigureAwait(false);
            }
            catch (UpstashApiException listFailure)
            {
                // Neither answer is clear: say so, so the user checks before creating it again.
                throw new UpstashApiException(
                    createFailure.Failure,
                    createFailure.Message + $" Checking whether it was created anyway failed too ({listFailure.Reason}), so {target.Kind} '{target.Name}' may or may not exist: " +
                    $"look for it with {target.LookupHint} before creating it again.",
                    createFailure.StatusCode,
                    createFailure.ServerMessage);
            }
        }
    }

    /// <summary>What one create is, for <see cref="ExactlyOnceCreate{T}"/>: how to send it, find it, and talk about it.</summary>
    internal sealed class CreateTarget<T>
        where T : class
    {
        /// <summary>"connector", "cluster", "credential".</summary>
        public string Kind { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        /// <summary>Where names are unique: "the cluster", "the account".</summary>
        public string Container { get; set; } = string.Empty;

        /// <summary>Where the name is looked up: "the cluster's list".</summary>
        public string ListName { get; set; } = string.Empty;

        /// <summary>The command a user runs to look for it: "Get-UpstashKafkaConnector -ClusterId ... -Name '...'".</summary>
        public string LookupHint { get; set; } = string.Empty;

        /// <summary>Sends the create once.</summary>
        public Func<CancellationToken, Task<T>> Send { get; set; } = _ => throw new InvalidOperationException();

        /// <summary>The object of that name, or null.</summary>
        public Func<CancellationToken, Task<T?>> Find { get; set; } = _ => Task.FromResult<T?>(null);

        /// <summary>Null when a found object looks like the one this command sent; otherwise how it differs, for the message.</summary>
        public Func<T, DateTimeOffset, string?> WhyNotOurs { get; set; } = (_, __) => null;

        /// <summary>What to make of a recovered object before it is written (e.g. show what was sent).</summary>
        public Func<T, T> Recovered { get; set; } = found => found;

        /// <summary>Created after our first attempt, with five minutes' leeway for the two clocks.</summary>
        public static bool IsRecent(DateTimeOffset? created, DateTimeOffset firstSent) =>
            created == null || created >= firstSent - TimeSpan.FromMinutes(5);
    }
}
