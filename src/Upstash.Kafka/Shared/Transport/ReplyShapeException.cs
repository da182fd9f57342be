using System;

namespace Upstash.Kafka.Api
{
    /// <summary>A reply that parsed as JSON but is not the object the API documents (wrong type, missing id).</summary>
    internal sealed class ReplyShapeException : Exception
    {
        public ReplyShapeException(string message)
            : base(message)
        {
        }
    }
}
