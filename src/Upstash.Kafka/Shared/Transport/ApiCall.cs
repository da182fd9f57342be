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
            Repeatable = method == HttpMethod.Get || method == HttpMethod.Delete;
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
        /// Safe to send again after a transient failure: GET and DELETE by default; actions and full-map reconfigures
        /// set it. A create never does.
        /// </summary>
        public bool Repeatable { get; set; }

        /// <summary>
        /// For a delete: a 404 that follows an ambiguous failure means an earlier attempt already removed it, so the
        /// call is done. For other calls such a 404 is reported, with what happened before it.
        /// </summary>
        public bool NotFoundAfterRetryMeansDone { get; set; }

        /// <summary>Set once a streamed list has handed out an item: from then on a retry would repeat items.</summary>
        public bool ItemsDelivered { get; set; }

        /// <summary>
        /// Masks secrets in the reply before -Debug shows it, for replies that carry secrets the redactor cannot know
        /// yet (a connector get returns its passwords in clear). Null: the reply is shown as received (redacted).
        /// </summary>
        public Func<string, string>? MaskReplyForDebug { get; set; }
    }
}
