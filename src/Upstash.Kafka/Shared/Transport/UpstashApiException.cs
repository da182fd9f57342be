using System;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// A failed API call, already worded for a person: the message says what was attempted, the status and the
    /// server's own (redacted) text. It never holds the API key or a secret property value.
    /// </summary>
    [Serializable]
    public sealed class UpstashApiException : Exception
    {
        internal UpstashApiException(ApiFailure failure, string message, int? statusCode = null, string? serverMessage = null, Exception? inner = null)
            : base(message, inner)
        {
            Failure = failure;
            StatusCode = statusCode;
            ServerMessage = serverMessage;
        }

        /// <summary>The HTTP status, when the server answered.</summary>
        public int? StatusCode { get; }

        /// <summary>The server's own text, redacted, when it gave one.</summary>
        public string? ServerMessage { get; }

        internal ApiFailure Failure { get; }

        /// <summary>True when the request certainly never reached the server (connection refused, unknown host).</summary>
        internal bool NotSent { get; set; }

        /// <summary>How long the server asked us to wait (Retry-After), when it did.</summary>
        internal TimeSpan? RetryAfter { get; set; }

        /// <summary>More than the message should carry: a Java stack trace Kafka Connect sent with a 500 (redacted).</summary>
        public string? Details { get; internal set; }

        /// <summary>The tail of the error id: "NotFound", "Unauthorized", ...</summary>
        public string Reason => Failure.ToString();
    }
}
