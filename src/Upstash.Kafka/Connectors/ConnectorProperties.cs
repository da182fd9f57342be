using System;
using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka
{
    /// <summary>
    /// A connector's configuration as the module shows it (secret values already masked unless asked for). Its string
    /// form lists every key and value, so Export-Csv and string interpolation keep the configuration instead of
    /// printing a type name.
    /// </summary>
    public sealed class ConnectorProperties : Dictionary<string, string>
    {
        public ConnectorProperties()
            : base(StringComparer.Ordinal)
        {
        }

        public ConnectorProperties(IEnumerable<KeyValuePair<string, string>> properties)
            : base(StringComparer.Ordinal)
        {
            foreach (KeyValuePair<string, string> pair in properties)
            {
                this[pair.Key] = pair.Value;
            }
        }

        public override string ToString() => string.Join("; ", this.Select(pair => pair.Key + "=" + pair.Value));
    }
}
