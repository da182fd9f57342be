using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// The connector cmdlets' server on a Kafka Connect REST API (../shared/docs/kafka-connect-api.md): the name is the
    /// only key, the base URL selects the cluster, writes are retried through its passing 409s, and features newer
    /// than the server are refused before anything is sent.
    /// </summary>
    internal sealed class KafkaConnectConnectorServer : IConnectorServer
    {
        private static readonly Version StopNeeds = new Version(3, 5);
        private static readonly Version InitialStateNeeds = new Version(3, 7);
        private static readonly Version RestartOptionsNeed = new Version(3, 0);

        private readonly UpstashApiClient client;

        public KafkaConnectConnectorServer(UpstashApiClient client)
        {
            this.client = client;
        }

        public string Where(string? clusterId) => "on " + client.Connection.Describe();

        public async Task<KafkaConnector> CreateAsync(ConnectorCreation creation, CancellationToken cancellation)
        {
            string name = creation.Name.Trim();
            KafkaConnectPaths.RefuseUnaddressableName(name);
            bool sendInitialState = false;
            if (creation.InitialState != ConnectorInitialState.Running)
            {
                if (creation.InitialState == ConnectorInitialState.Stopped)
                {
                    await KafkaConnectVersion.RequireAsync(client, StopNeeds, $"Creating connector '{name}' stopped", cancellation).ConfigureAwait(false);
                }

                // initial_state is 3.7's (KIP-980): an older worker answers 500 "Unrecognized field" and creates nothing.
                sendInitialState = (await KafkaConnectVersion.OfAsync(client, cancellation).ConfigureAwait(false)).AtLeast(InitialStateNeeds);
            }

            client.Redactor.AddRange(SecretPropertyRules.SecretValues(creation.Properties));
            string state = creation.InitialState.ToString().ToUpperInvariant();
            var recovery = new CreateRecovery<KafkaConnector>(
                client, "connector", name, client.Connection.Describe(), $"Get-UpstashKafkaConnector -Connection $connection -Name '{name}'");
            KafkaConnector created = await recovery.CreateAsync(
                token => SendCreateAsync(name, creation, sendInitialState ? state : null, token),
                token => FindAsync(name, null, token),
                (found, firstSent) => Cmdlets.ConnectorConfigurationChange.SameConfigurationApartFromName(found.Properties, creation.Properties) ? null : "its configuration differs from the one this command sent",
                found => Masked(found, creation.MaskedProperties),
                cancellation).ConfigureAwait(false);

            if (creation.InitialState != ConnectorInitialState.Running && !sendInitialState)
            {
                client.Log.Verbose($"{client.Connection.Describe()} is older than Kafka 3.7 and knows no initial_state: created '{name}' running, and now {(creation.InitialState == ConnectorInitialState.Paused ? "pausing" : "stopping")} it.");
                await (creation.InitialState == ConnectorInitialState.Paused ? PauseAsync(name, cancellation) : StopAsync(name, cancellation)).ConfigureAwait(false);
            }

            // The 201 reply has no status. A new connector is UNASSIGNED until a worker starts it, so it is shown pending;
            // Get-UpstashKafkaConnector or -Wait reads the live state.
            created.State = "pending";
            return created;
        }

        public async Task<KafkaConnector> GetAsync(string connectorId, bool includeSecrets, CancellationToken cancellation)
        {
            string path = KafkaConnectPaths.Connector(connectorId);
            var infoCall = new ApiCall(HttpMethod.Get, path, $"Reading connector '{connectorId}'") { MaskReplyForDebug = MaskConfigInReply };
            JToken info = await client.SendForJsonAsync(infoCall, cancellation).ConfigureAwait(false);

            // The status read next may quote these values in a trace: every later line of this call masks them.
            client.Redactor.AddRange(SecretPropertyRules.SecretValues(KafkaConnectReader.ReadConfig((info as JObject)?["config"])));
            JToken? status = await StatusAsync(connectorId, cancellation).ConfigureAwait(false);
            return Read(infoCall, info, status, includeSecrets);
        }

        public async Task<KafkaConnector> GetStatusAsync(string connectorId, CancellationToken cancellation)
        {
            JToken? status = await StatusAsync(connectorId, cancellation).ConfigureAwait(false);
            if (status == null)
            {
                // Status lags behind a create (provectus/kafka-ui#864): read the connector itself, which 404s only if it is gone.
                return await GetAsync(connectorId, includeSecrets: false, cancellation).ConfigureAwait(false);
            }

            return Read(StatusCall(connectorId), null, status, includeSecrets: false);
        }

        public Task ListAsync(string? clusterId, bool includeSecrets, Action<KafkaConnector> onConnector, Action<string, UpstashApiException>? onClusterFailed, CancellationToken cancellation)
        {
            ApiCall call = ListCall();
            return client.StreamObjectAsync(call, (name, entry) => onConnector(ReadListed(call, name, entry, includeSecrets)), cancellation);
        }

        public Task ListAsync(string? clusterId, Action<KafkaConnector, KafkaConnector> onClearAndMasked, CancellationToken cancellation)
        {
            ApiCall call = ListCall();
            return client.StreamObjectAsync(call, (name, entry) => onClearAndMasked(ReadListed(call, name, entry, includeSecrets: true), ReadListed(call, name, entry, includeSecrets: false)), cancellation);
        }

        public async Task<KafkaConnector> ReconfigureAsync(string connectorId, IReadOnlyDictionary<string, string> properties, Dictionary<string, string> maskedProperties, CancellationToken cancellation)
        {
            client.Redactor.AddRange(SecretPropertyRules.SecretValues(properties));
            var call = new ApiCall(HttpMethod.Put, KafkaConnectPaths.Connector(connectorId) + "/config", $"Reconfiguring connector '{connectorId}'")
            {
                JsonBody = KafkaConnectBodies.Config(properties),
                DebugBody = client.Log.DebugEnabled ? KafkaConnectBodies.Config(maskedProperties) : null,
                // The complete flat map every time (never PATCH): sending it twice leaves the same configuration.
                Repeatable = true,
                MaskReplyForDebug = MaskConfigInReply,
            };
            JToken reply = await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false);
            return Masked(Read(call, reply, null, includeSecrets: true), maskedProperties);
        }

        public Task PauseAsync(string connectorId, CancellationToken cancellation) =>
            client.SendForOkAsync(Action(HttpMethod.Put, connectorId, "pause", "Pausing"), cancellation);

        public Task ResumeAsync(string connectorId, CancellationToken cancellation) =>
            client.SendForOkAsync(Action(HttpMethod.Put, connectorId, "resume", "Resuming"), cancellation);

        public async Task StopAsync(string connectorId, CancellationToken cancellation)
        {
            await KafkaConnectVersion.RequireAsync(client, StopNeeds, $"Stopping connector '{connectorId}'", cancellation).ConfigureAwait(false);
            await client.SendForOkAsync(Action(HttpMethod.Put, connectorId, "stop", "Stopping"), cancellation).ConfigureAwait(false);
        }

        public async Task RestartAsync(string connectorId, ConnectorRestart restart, CancellationToken cancellation)
        {
            foreach (int task in restart.TaskIds)
            {
                await client.SendForOkAsync(Action(HttpMethod.Post, connectorId, "tasks/" + task + "/restart", $"Restarting task {task} of"), cancellation).ConfigureAwait(false);
            }

            if (restart.TaskIds.Length > 0)
            {
                return;
            }

            // includeTasks=true: without it Kafka Connect restarts the connector instance only, never its tasks.
            string action = "restart?includeTasks=true" + (restart.OnlyFailed ? "&onlyFailed=true" : string.Empty);
            ApiCall restartCall = Action(HttpMethod.Post, connectorId, action, "Restarting");
            restartCall.MaskReplyForDebug = HideTracesInReply;
            string body = await client.SendForTextAsync(restartCall, cancellation).ConfigureAwait(false);
            if (body.Trim().Length == 0)
            {
                // 3.0+ answers 202 with the status; a 204 means the worker ignored the query (KIP-745).
                KafkaConnectVersion version = await KafkaConnectVersion.OfAsync(client, cancellation).ConfigureAwait(false);
                client.Log.Warning($"{client.Connection.Describe()} (version {version.Reported}) restarted connector '{connectorId}' but not its tasks: " +
                    $"restarting tasks with the connector needs Kafka {RestartOptionsNeed.ToString(2)} or later. Restart tasks one by one with -TaskId.");
            }
        }

        public Task DeleteAsync(string connectorId, CancellationToken cancellation) =>
            client.SendForOkAsync(
                new ApiCall(HttpMethod.Delete, KafkaConnectPaths.Connector(connectorId), $"Removing connector '{connectorId}'") { NotFoundAfterRetryMeansDone = true },
                cancellation);

        private static ApiCall ListCall() =>
            new ApiCall(HttpMethod.Get, "connectors?expand=status&expand=info", "Listing the connectors with their status") { MaskReplyForDebug = _ => "(connector list, not shown: it carries every configuration)" };

        private static ApiCall StatusCall(string connectorId) =>
            new ApiCall(HttpMethod.Get, KafkaConnectPaths.Connector(connectorId) + "/status", $"Reading the status of connector '{connectorId}'")
            {
                MaskReplyForDebug = HideTracesInReply,
            };

        /// <summary>
        /// -Debug shows a status without its Java traces: a trace may quote a secret of a configuration this call has
        /// not read (the waiter polls the status alone). The traces still reach the objects, masked.
        /// </summary>
        private static string HideTracesInReply(string body) =>
            System.Text.RegularExpressions.Regex.Replace(body, "\"trace\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"", "\"trace\":\"(not shown under -Debug)\"");

        /// <summary>The status, or null while the server has none yet for a connector it knows ("No status found").</summary>
        private async Task<JToken?> StatusAsync(string connectorId, CancellationToken cancellation)
        {
            try
            {
                return await client.SendForJsonAsync(StatusCall(connectorId), cancellation).ConfigureAwait(false);
            }
            catch (UpstashApiException ex) when (ex.Failure == ApiFailure.NotFound && ex.ServerMessage?.IndexOf("No status found", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return null;
            }
        }

        private async Task<KafkaConnector> SendCreateAsync(string name, ConnectorCreation creation, string? initialState, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Post, "connectors", $"Creating connector '{name}' on {client.Connection.Describe()}")
            {
                JsonBody = KafkaConnectBodies.Create(name, creation.Properties, initialState),
                DebugBody = client.Log.DebugEnabled ? KafkaConnectBodies.Create(name, creation.MaskedProperties, initialState) : null,
                MaskReplyForDebug = MaskConfigInReply,
            };
            JToken reply = await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false);
            return Masked(Read(call, reply, null, includeSecrets: true), creation.MaskedProperties);
        }

        /// <summary>The connector of that name in clear (after a lost create reply, to compare with what was sent), or null.</summary>
        public async Task<KafkaConnector?> FindAsync(string name, string? clusterId, CancellationToken cancellation)
        {
            try
            {
                return await GetAsync(name, includeSecrets: true, cancellation).ConfigureAwait(false);
            }
            catch (UpstashApiException ex) when (ex.Failure == ApiFailure.NotFound)
            {
                return null;
            }
        }

        /// <summary>A connector read in clear, shown with the masked map of what was sent (keys given as SecureString stay masked).</summary>
        private static KafkaConnector Masked(KafkaConnector connector, Dictionary<string, string> maskedProperties)
        {
            connector.Properties = new ConnectorProperties(maskedProperties.Where(p => p.Key != KafkaConnectReader.NameKey).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
            connector.SecretsMasked = true;
            return connector;
        }

        private KafkaConnector ReadListed(ApiCall call, string name, JToken entry, bool includeSecrets)
        {
            JObject listed = entry as JObject ?? throw UpstashApiClient.InvalidReply(call, $"the entry for '{name}' is {JsonFields.Describe(entry.Type)}, not an object");
            return Read(call, listed["info"], listed["status"], includeSecrets);
        }

        private KafkaConnector Read(ApiCall call, JToken? info, JToken? status, bool includeSecrets)
        {
            try
            {
                KafkaConnector connector = KafkaConnectReader.Read(info, status, includeSecrets);
                connector.Connection = client.Connection.Public;
                return connector;
            }
            catch (ReplyShapeException ex)
            {
                throw UpstashApiClient.InvalidReply(call, ex.Message);
            }
        }

        /// <summary>Pause, resume, stop, restarts: no body, and safe to repeat (a second pause leaves it paused).</summary>
        private static ApiCall Action(HttpMethod method, string connectorId, string action, string doing) =>
            new ApiCall(method, KafkaConnectPaths.Connector(connectorId) + "/" + action, $"{doing} connector '{connectorId}'") { Repeatable = true };

        /// <summary>-Debug shows replies with the configuration's secrets masked (Kafka Connect returns them in clear).</summary>
        private static string MaskConfigInReply(string body) => EchoedSecrets.MaskInReply(body, "config");
    }
}
