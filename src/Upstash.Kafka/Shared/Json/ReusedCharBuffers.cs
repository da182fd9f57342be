using System;
using Newtonsoft.Json;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Gives each JSON reader the char buffer the previous reader on the same thread gave back, instead of a new one:
    /// a fresh reader's buffers were a quarter of what a create allocated (benchmark). One buffer per thread at most,
    /// so nothing grows; cleared when given back, so a reply that held secrets does not stay readable in it.
    /// </summary>
    internal sealed class ReusedCharBuffers : IArrayPool<char>
    {
        public static readonly ReusedCharBuffers Instance = new ReusedCharBuffers();

        /// <summary>Larger buffers (a long string in a list) are left to the GC rather than kept for the thread's life.</summary>
        private const int MaxKeptChars = 16 * 1024;

        [ThreadStatic]
        private static char[]? kept;

        public char[] Rent(int minimumLength)
        {
            char[]? buffer = kept;
            if (buffer != null && buffer.Length >= minimumLength)
            {
                kept = null;
                return buffer;
            }

            return new char[minimumLength];
        }

        public void Return(char[]? array)
        {
            if (array == null || array.Length > MaxKeptChars)
            {
                return;
            }

            Array.Clear(array, 0, array.Length);
            kept = array;
        }
    }
}
