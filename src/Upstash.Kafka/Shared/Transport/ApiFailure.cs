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
        TooManyRequests,
        ServerError,
        HttpError,
        ConnectionFailed,
        Timeout,
        InvalidResponse,
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
                case ApiFailure.TooManyRequests: return ErrorCategory.LimitsExceeded;
                case ApiFailure.ServerError: return ErrorCategory.ConnectionError;
                case ApiFailure.ConnectionFailed: return ErrorCategory.ConnectionError;
                case ApiFailure.Timeout: return ErrorCategory.OperationTimeout;
                case ApiFailure.InvalidResponse: return ErrorCategory.InvalidResult;
                default: return ErrorCategory.ProtocolError;
            }
        }

        /// <summary>
        /// Maps a status and the server's text to a failure. The API answers 400 for almost everything, so the text
        /// decides: *(decision)* a 400 that says "not found" is a not-found, one that says "already exists" is a conflict.
        /// </summary>
        public static ApiFailure FromStatus(int status, string serverText)
        {
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

        private static bool Contains(string text, string part) =>
            text.IndexOf(part, System.StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
