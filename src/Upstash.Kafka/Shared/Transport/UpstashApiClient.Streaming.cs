using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>Lists read as they arrive: a JSON array (Upstash's lists) or an object of named entries (Kafka Connect's expand list).</summary>
    internal sealed partial class UpstashApiClient
    {
        /// <summary>
        /// Sends a call whose reply is a JSON array and hands each element to <paramref name="onItem"/> as soon as it
        /// is parsed: a list of 100,000 connectors is never held in memory whole, and the first one reaches the
        /// pipeline while the rest are still arriving. The timeout restarts with every element (an idle timeout).
        /// </summary>
        /// <remarks>
        /// Started on a pool thread: when the reply's headers are already there, SendAsync completes synchronously and
        /// the whole list would be read on the caller's (pipeline) thread before it could write a single object (the
        /// benchmark saw 2 lists in 8 arrive whole, 200 MB at once, for 100,000 connectors).
        /// </remarks>
        public Task StreamArrayAsync(ApiCall call, Action<JToken> onItem, CancellationToken cancellation) =>
            StreamAsync(call, JsonToken.StartArray, (name, item) => onItem(item), cancellation);

        /// <summary>
        /// Like <see cref="StreamArrayAsync"/> for a reply that is a JSON object of named entries (Kafka Connect's
        /// GET /connectors?expand=...): each entry is handed on with its name as soon as it is parsed.
        /// </summary>
        public Task StreamObjectAsync(ApiCall call, Action<string, JToken> onEntry, CancellationToken cancellation) =>
            StreamAsync(call, JsonToken.StartObject, onEntry, cancellation);

        private Task<bool> StreamAsync(ApiCall call, JsonToken container, Action<string, JToken> onItem, CancellationToken cancellation) =>
            Task.Run(() => SendCoreAsync<bool>(call, (response, timeout, token) =>
            {
                bool isObject = container == JsonToken.StartObject;
                string expected = isObject ? "an object of named entries" : "a list";
                JsonToken end = isObject ? JsonToken.EndObject : JsonToken.EndArray;
                ThrowIfFailed(call, response, ReadErrorBody(call, response, token));
                using (Stream stream = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult())
                using (token.Register(response.Dispose))
                using (JsonTextReader reader = JsonReading.CreateReader(new StreamReader(stream, new UTF8Encoding(false))))
                {
                    try
                    {
                        if (!reader.Read())
                        {
                            throw InvalidReply(call, "its body was empty where " + expected + " was expected");
                        }

                        if (reader.TokenType != container)
                        {
                            throw InvalidReply(call, "its body is " + JsonFields.Describe(JsonReading.ReadToken(reader).Type) + " where " + expected + " was expected");
                        }

                        while (reader.Read() && reader.TokenType != end)
                        {
                            string name = string.Empty;
                            if (isObject)
                            {
                                name = (string)reader.Value!;
                                reader.Read();
                            }

                            JToken item = JsonReading.ReadToken(reader);
                            call.ItemsDelivered = true;
                            onItem(name, item);
                            timeout.CancelAfter(connection.Timeout);
                        }

                        if (reader.TokenType != end)
                        {
                            throw InvalidReply(call, "the " + (isObject ? "object" : "list") + " in its body was cut off");
                        }
                    }
                    catch (JsonException ex)
                    {
                        token.ThrowIfCancellationRequested();
                        throw InvalidReply(call, "its body is not valid JSON (" + ErrorBodyReader.Describe(ex.Message, null) + ")");
                    }
                    catch (ObjectDisposedException) when (token.IsCancellationRequested)
                    {
                        throw new OperationCanceledException(token);
                    }
                }

                return Task.FromResult(true);
            }, cancellation));
    }
}
