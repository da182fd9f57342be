using Newtonsoft.Json;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// One string per field name for every reply a reader parses: each reply repeats the same dozen or so names, and
    /// each name was a new string every time (about 16 per connector, the reply's largest count of small objects after
    /// its tokens). Learns the names it meets, up to a bound, so a reply full of odd names cannot grow it for ever.
    /// </summary>
    internal sealed class ReplyFieldNames : JsonNameTable
    {
        public static readonly ReplyFieldNames Instance = new ReplyFieldNames();

        private const int MaxNames = 512;
        private const int MaxNameLength = 64;

        // Readers run on several threads at once (a streamed list, Sync-UpstashKafkaConnector); the table is not
        // thread-safe, and a lock no one else holds costs next to nothing.
        private readonly object gate = new object();
        private readonly DefaultJsonNameTable names = new DefaultJsonNameTable();
        private int count;

        public override string? Get(char[] key, int start, int length)
        {
            if (length > MaxNameLength)
            {
                return null;
            }

            lock (gate)
            {
                string? known = names.Get(key, start, length);
                if (known != null || count >= MaxNames)
                {
                    return known;
                }

                count++;
                return names.Add(new string(key, start, length));
            }
        }
    }
}
