using System;
using System.Net.Http;

namespace Upstash.Kafka.Api
{
    /// <summary>One request to the API, described for sending and for the person reading verbose output.</summary>
    internal sealed class ApiCall
    {
        public ApiCall(HttpMethod method, string path, string description)
        {
            Method = method;
            Path = path;
            Description = description;
        }

        public HttpMethod Method { get; }

        /// <summary>Relative to the base address, e.g. "v2/kafka/connector".</summary>
        public string Path { get; }

        /// <summary>What the call does, in words: "Creating connector 'orders' in cluster 7568...".</summary>
        public string Description { get; }

        /// <summary>The JSON body as sent, secrets in clear; never logged.</summary>
        public string? JsonBody { get; set; }

        /// <summary>The same body with secrets masked, for -Debug.</summary>
        public string? DebugBody { get; set; }

        /// <summary>
        /// Masks secrets in the reply before -Debug shows it, for replies that carry secrets the redactor cannot know
        /// yet (a connector get returns its passwords in clear). Null: the reply is shown as received (redacted).
        /// </summary>
        public Func<string, string>? MaskReplyForDebug { get; set; }
    }
}
