using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// The default connection that Connect-UpstashKafka sets, one per runspace: two runspaces in one process (jobs,
    /// runbooks, parallel hosts) never see each other's credential. Keyed weakly, so a closed runspace takes its
    /// connection with it; nothing is ever written to disk.
    /// </summary>
    internal static class RunspaceConnections
    {
        private static readonly ConditionalWeakTable<Runspace, ApiConnection> Defaults = new ConditionalWeakTable<Runspace, ApiConnection>();

        public static ApiConnection? Get(Runspace? runspace)
        {
            if (runspace != null && Defaults.TryGetValue(runspace, out ApiConnection? connection))
            {
                return connection;
            }

            return null;
        }

        public static void Set(Runspace runspace, ApiConnection connection)
        {
            Defaults.Remove(runspace);
            Defaults.Add(runspace, connection);
        }

        public static bool Clear(Runspace runspace) => Defaults.Remove(runspace);
    }
}
