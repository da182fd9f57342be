using System;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// When and how long to wait before repeating a call. *(decision, from the contract)* No official client retries;
    /// we retry 429, 502, 503, 504, connection failures and timeouts, and only for calls that are safe to repeat
    /// (GET, DELETE, pause/start/restart, reconfigure with the full map). A create is never repeated blindly (see
    /// ConnectorCreator). Exponential backoff with jitter, Retry-After honoured, within a budget of attempts and time.
    /// Written here rather than taken from Polly: the policy is twenty lines, and Polly with its netstandard2.0
    /// dependencies would more than double the module folder.
    /// </summary>
    internal sealed class RetryPolicy
    {
        public const int DefaultMaxRetries = 4;
        public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromSeconds(60);

        private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(250);
        private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

        [ThreadStatic]
        private static Random? jitter;

        public RetryPolicy(int maxRetries, TimeSpan maxDuration)
        {
            MaxRetries = maxRetries;
            MaxDuration = maxDuration;
        }

        public static RetryPolicy Default { get; } = new RetryPolicy(DefaultMaxRetries, DefaultMaxDuration);

        /// <summary>How many times a failed call may be repeated (0: never).</summary>
        public int MaxRetries { get; }

        /// <summary>How long all attempts and waits of one call may take together.</summary>
        public TimeSpan MaxDuration { get; }

        /// <summary>Failures worth repeating: the server was busy or unreachable, not wrong about the request.</summary>
        public static bool IsTransient(UpstashApiException failure)
        {
            switch (failure.Failure)
            {
                case ApiFailure.TooManyRequests:
                case ApiFailure.ConnectionFailed:
                case ApiFailure.Timeout:
                case ApiFailure.Rebalancing:
                    return true;
                case ApiFailure.ServerError:
                    return failure.StatusCode == 502 || failure.StatusCode == 503 || failure.StatusCode == 504;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Failures after which the server may or may not have applied the request: it was sent, and no clear answer
        /// came back. Only these make a create look for what it may have created.
        /// </summary>
        public static bool IsAmbiguous(UpstashApiException failure) =>
            (failure.Failure == ApiFailure.ConnectionFailed && !failure.NotSent) || failure.Failure == ApiFailure.Timeout ||
            failure.Failure == ApiFailure.InvalidResponse || failure.Failure == ApiFailure.ServerError;

        /// <summary>The wait before retry number <paramref name="retry"/> (1-based): Retry-After when the server gave one, else full jitter.</summary>
        public static TimeSpan DelayBefore(int retry, TimeSpan? retryAfter)
        {
            if (retryAfter is TimeSpan asked && asked >= TimeSpan.Zero)
            {
                return asked;
            }

            double ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
            jitter ??= new Random(Guid.NewGuid().GetHashCode());
            // Half fixed, half random: spreads clients that failed together without ever retrying at once.
            return TimeSpan.FromMilliseconds((ceiling / 2) + (jitter.NextDouble() * ceiling / 2));
        }
    }
}
