using System.Management.Automation;

namespace Upstash.Kafka.Api
{
    /// <summary>Why a call failed; each value is the tail of a stable error id and has one error category.</summary>
    internal enum ApiFailure
    {
        BadRequest,
        Unauthorized,
        Forbidden,
        NotFound,
        Conflict,

        /// <summary>Kafka Connect's passing 409s: a rebalance, a stale configuration, no known leader. Retried.</summary>
        Rebalancing,
        TooManyRequests,
        ServerError,
        HttpError,
        ConnectionFailed,
        Timeout,
        InvalidResponse,

        /// <summary>The server cannot do this at all (Upstash has no stop) or is too old for it; nothing was sent.</summary>
        NotSupported,
    }

    internal static class ApiFailureExtensions
    {
        public static ErrorCategory ToCategory(this ApiFailure failure)
        {
            switch (failure)
            {
                case ApiFailure.BadRequest: return ErrorCategory.InvalidArgument;
                case ApiFailure.Unauthorized: return ErrorCategory.AuthenticationError;
                case ApiFailure.Forbidden: return ErrorCategory.PermissionDenied;
                case ApiFailure.NotFound: return ErrorCategory.ObjectNotFound;
                case ApiFailure.Conflict: return ErrorCategory.ResourceExists;
                case ApiFailure.Rebalancing: return ErrorCategory.ResourceBusy;
                case ApiFailure.TooManyRequests: return ErrorCategory.LimitsExceeded;
                case ApiFailure.ServerError: return ErrorCategory.ConnectionError;
                case ApiFailure.ConnectionFailed: return ErrorCategory.ConnectionError;
                case ApiFailure.Timeout: return ErrorCategory.OperationTimeout;
                case ApiFailure.InvalidResponse: return ErrorCategory.InvalidResult;
                case ApiFailure.NotSupported: return ErrorCategory.InvalidOperation;
                default: return ErrorCategory.ProtocolError;
            }
        }

        /// <summary>
        /// Maps a status and the server's text to a failure. The API answers 400 for almost everything, so the text
        /// decides: *(decision)* a 400 that says "not found" is a not-found, one that says "already exists" is a conflict.
        /// </summary>
        public static ApiFailure FromStatus(int status, string serverText, ServerKind kind = ServerKind.Upstash)
        {
            if (kind == ServerKind.KafkaConnect)
            {
                return FromKafkaConnectStatus(status, serverText);
            }

            switch (status)
            {
                case 400:
                case 422:
                    if (Contains(serverText, "not found") || Contains(serverText, "does not exist"))
                    {
                        return ApiFailure.NotFound;
                    }

                    return Contains(serverText, "already exists") ? ApiFailure.Conflict : ApiFailure.BadRequest;
                case 401: return ApiFailure.Unauthorized;
                case 403: return ApiFailure.Forbidden;
                case 404: return ApiFailure.NotFound;
                case 409: return ApiFailure.Conflict;
                case 429: return ApiFailure.TooManyRequests;
                default: return status >= 500 ? ApiFailure.ServerError : ApiFailure.HttpError;
            }
        }

        /// <summary>
        /// Kafka Connect's codes mean what they say: a 400 is a bad request whatever its text (an invalid configuration
        /// may well say "could not be found" of a class). Of its 409s, three are passing (AK HerderRequestHandler,
        /// DistributedHerder) and are retried; "already exists" and *(decision)* any other 409 text are not.
        /// </summary>
        private static ApiFailure FromKafkaConnectStatus(int status, string serverText)
        {
            switch (status)
            {
                case 400:
                case 422:
                    return ApiFailure.BadRequest;
                case 404:
                case 405:
                    // Jersey's own bare "HTTP 404 Not Found" / "HTTP 405 Method Not Allowed": the worker lacks the
                    // endpoint or method (too old), which is not a missing connector (the contract, section 3).
                    return serverText.StartsWith("HTTP 40", System.StringComparison.Ordinal) ? ApiFailure.NotSupported
                        : status == 404 ? ApiFailure.NotFound : ApiFailure.HttpError;
                case 409:
                    // The passing texts all start "Cannot complete request"; matching words anywhere would take
                    // "Connector rebalance-sink already exists" for a rebalance and resend the create.
                    return serverText.StartsWith("Cannot complete request", System.StringComparison.OrdinalIgnoreCase)
                        && (Contains(serverText, "rebalance") || Contains(serverText, "stale configuration") || Contains(serverText, "no known leader"))
                        ? ApiFailure.Rebalancing
                        : ApiFailure.Conflict;
                default:
                    return FromStatus(status, serverText);
            }
        }

        private static bool Contains(string text, string part) =>
            text.IndexOf(part, System.StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
