using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.Kafka.Validation;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// One connector configuration prepared for Kafka Connect's PUT /connector-plugins/{class}/config/validate: the
    /// flat map as Sync would send it (${env:...} resolved here, other providers' references as written), with a name.
    /// Holds secrets in clear: only <see cref="KafkaConnectValidation"/> sends it, and it shows only the masked form.
    /// </summary>
    internal sealed class KafkaConnectValidationRequest
    {
        /// <summary>
        /// *(decision, from the contract)* Kafka Connect requires "name" to validate (kcctl injects "dummy-name"): a
        /// configuration with no name of its own is sent with this one, and what the server says of it is dropped.
        /// </summary>
        public const string PlaceholderName = "upstash-kafka-validate-placeholder";

        private const string NameKey = "name";

        private KafkaConnectValidationRequest(string connectorClass, string name, bool namePlaceholder, List<KeyValuePair<string, string>> config, HashSet<string> leftOut, HashSet<string> hidden)
        {
            ConnectorClass = connectorClass;
            Name = name;
            NameIsPlaceholder = namePlaceholder;
            Config = config;
            LeftOut = leftOut;
            Hidden = hidden;
        }

        /// <summary>connector.class, resolved and trimmed: the {class} of the path, and the value sent (they must match).</summary>
        public string ConnectorClass { get; }

        /// <summary>The name sent: the connector's own, or <see cref="PlaceholderName"/>.</summary>
        public string Name { get; }

        public bool NameIsPlaceholder { get; }

        /// <summary>The values sent, in clear, in the file's order, without "name" (sent first, from <see cref="Name"/>).</summary>
        public List<KeyValuePair<string, string>> Config { get; }

        /// <summary>
        /// Keys not sent: a masked value (******** is never sent back to a server) or one behind an ${env:...} that is
        /// not set. The offline checks report both; what the server says of their absence is dropped.
        /// </summary>
        public HashSet<string> LeftOut { get; }

        /// <summary>Keys whose value is secret (by the masking rules, given as a SecureString, or from a reference): masked in -Debug.</summary>
        public HashSet<string> Hidden { get; }

        /// <summary>The clear values of <see cref="Hidden"/>, for the client's redactor.</summary>
        public IEnumerable<string> SecretValues => Config.Where(p => Hidden.Contains(p.Key)).Select(p => p.Value);

        /// <summary>
        /// The request for a configuration, or null when it cannot be asked about: connector.class missing, empty,
        /// masked, behind an unset variable or not a Java class name (the offline checks say which).
        /// </summary>
        /// <param name="name">The connector's name from its file or -Name; null to take the config's "name", else the placeholder.</param>
        /// <param name="givenAsSecret">Keys whose value came as a SecureString or PSCredential.</param>
        public static KafkaConnectValidationRequest? Prepare(
            string? name, IEnumerable<KeyValuePair<string, string>> config, IEnumerable<string> givenAsSecret, Func<string, string?> environment)
        {
            var hidden = new HashSet<string>(givenAsSecret, StringComparer.Ordinal);
            var leftOut = new HashSet<string>(StringComparer.Ordinal);
            var sent = new List<KeyValuePair<string, string>>();
            string? connectorClass = null;
            string? nameInConfig = null;
            foreach (KeyValuePair<string, string> pair in config)
            {
                string raw = pair.Value ?? string.Empty;
                string? value = raw.Trim() == SecretPropertyRules.Mask ? null : EnvReferences.ResolveValue(raw, environment);
                if (pair.Key == NameKey)
                {
                    nameInConfig = value;
                    continue;
                }

                if (value == null)
                {
                    leftOut.Add(pair.Key);
                    continue;
                }

                if (pair.Key == ConfigUnderTest.ConnectorClassKey)
                {
                    // The path's {class} must match the config's (else 400), and Kafka Connect trims a CLASS value anyway.
                    value = value.Trim();
                    connectorClass = value;
                }

                // *(decision, as Compare and Sync)* A value that came from the environment is secret whatever its key.
                if (EnvReferences.VariablesIn(raw).Any() || SecretPropertyRules.IsSecret(pair.Key, value))
                {
                    hidden.Add(pair.Key);
                }

                sent.Add(new KeyValuePair<string, string>(pair.Key, value));
            }

            if (connectorClass == null || connectorClass.Length == 0 || !JavaClassName.IsValid(connectorClass))
            {
                return null;
            }

            string? given = name ?? nameInConfig;
            bool placeholder = given == null;
            return new KafkaConnectValidationRequest(connectorClass, given ?? PlaceholderName, placeholder, sent, leftOut, hidden);
        }

        /// <summary>The flat map with "name" first: clear to send, or with <see cref="Hidden"/> values masked for -Debug.</summary>
        public string Body(bool masked)
        {
            var pairs = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>(NameKey, Name) };
            pairs.AddRange(masked ? Config.Select(p => Hidden.Contains(p.Key) ? new KeyValuePair<string, string>(p.Key, SecretPropertyRules.Mask) : p) : Config);
            return KafkaConnectBodies.FlatMap(pairs);
        }
    }

    /// <summary>What the server said of one configuration: its problems, or that it has no such connector class.</summary>
    internal sealed class KafkaConnectValidationOutcome
    {
        private KafkaConnectValidationOutcome(IReadOnlyList<ConnectorConfigProblem> problems, string? notInstalledMessage)
        {
            Problems = problems;
            NotInstalledMessage = notInstalledMessage;
        }

        /// <summary>One Error per error the server named (empty when error_count is 0).</summary>
        public IReadOnlyList<ConnectorConfigProblem> Problems { get; }

        /// <summary>The server's (redacted) 500 text when the class is not installed there; null otherwise.</summary>
        public string? NotInstalledMessage { get; }

        public bool NotInstalled => NotInstalledMessage != null;

        public static KafkaConnectValidationOutcome Checked(IReadOnlyList<ConnectorConfigProblem> problems) => new KafkaConnectValidationOutcome(problems, null);

        public static KafkaConnectValidationOutcome ClassNotInstalled(string serverMessage) => new KafkaConnectValidationOutcome(Array.Empty<ConnectorConfigProblem>(), serverMessage);
    }

    /// <summary>
    /// Kafka Connect's PUT /connector-plugins/{class}/config/validate, for Test-UpstashKafkaConnectorConfig. The server
    /// answers 200 whatever the outcome, so error_count decides; each error in configs[].value.errors becomes an Error
    /// problem naming configs[].value.name. A class the worker does not have is a 500 ("Failed to find any class that
    /// implements Connector ..."), answered here as <see cref="KafkaConnectValidationOutcome.NotInstalled"/>.
    /// </summary>
    internal static class KafkaConnectValidation
    {
        private const string NotInstalledText = "Failed to find any class that implements Connector";

        // Java's PluginDesc.toString() in the 500's list: "PluginDesc{klass=class io.aiven...JdbcSinkConnector, name=...".
        private static readonly Regex PluginDescClass = new Regex(@"klass=class\s+([^,}\s]+)", RegexOptions.CultureInvariant);

        // ConfigException's words: "Invalid value <value> for configuration <key>[: <why>]". The value is cut out: a
        // problem message never quotes a value, which may be a secret the masking rules do not recognise.
        private static readonly Regex InvalidValue = new Regex(@"^Invalid value .*? for configuration (?=\S)", RegexOptions.CultureInvariant | RegexOptions.Singleline);

        public static async Task<KafkaConnectValidationOutcome> ValidateAsync(UpstashApiClient client, KafkaConnectValidationRequest request, string label, CancellationToken cancellation)
        {
            client.Redactor.AddRange(request.SecretValues);
            var call = new ApiCall(
                HttpMethod.Put,
                "connector-plugins/" + Uri.EscapeDataString(request.ConnectorClass) + "/config/validate",
                $"Validating connector {label} on {client.Connection.Describe()}")
            {
                JsonBody = request.Body(masked: false),
                DebugBody = client.Log.DebugEnabled ? request.Body(masked: true) : null,
                // Validation changes nothing on the server: safe to send again after a passing failure.
                Repeatable = true,
                // The reply echoes each value (a PASSWORD key as "[hidden]", any other in clear).
                MaskReplyForDebug = reply => MaskValuesInReply(reply, request.Hidden),
            };

            JToken reply;
            try
            {
                reply = await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false);
            }
            catch (UpstashApiException ex) when (ex.StatusCode == 500 && ex.ServerMessage?.IndexOf(NotInstalledText, StringComparison.Ordinal) >= 0)
            {
                return KafkaConnectValidationOutcome.ClassNotInstalled(ex.ServerMessage!);
            }

            return KafkaConnectValidationOutcome.Checked(Read(call, reply, request, client.Redactor));
        }

        /// <summary>
        /// The connector classes the server has: GET /connector-plugins (the 500's own list may be cut short, and it
        /// names every class inside a long PluginDesc), else the classes that list names. Never throws for an API failure.
        /// </summary>
        public static async Task<IReadOnlyList<string>> ConnectorClassesAsync(UpstashApiClient client, string notInstalledMessage, CancellationToken cancellation)
        {
            var classes = new List<string>();
            try
            {
                await new KafkaConnectPluginApi(client).ListAsync(
                    plugin =>
                    {
                        if ((plugin.Type == KafkaConnectorPluginType.Source || plugin.Type == KafkaConnectorPluginType.Sink) && !classes.Contains(plugin.Class))
                        {
                            classes.Add(plugin.Class);
                        }
                    },
                    cancellation).ConfigureAwait(false);
                return classes;
            }
            catch (UpstashApiException ex)
            {
                client.Log.Verbose($"The plugin list could not be read ({ex.Reason}); the connector classes are taken from the server's error text.");
            }

            return PluginDescClass.Matches(notInstalledMessage).Cast<Match>()
                .Select(m => m.Groups[1].Value)
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The words for a class the server does not have, naming the ones it has.</summary>
        public static string NotInstalledMessage(ApiConnection connection, string connectorClass, IReadOnlyList<string> installed)
        {
            string has = installed.Count == 0
                ? "It lists no connector classes at all."
                : $"The connector classes it has: {string.Join(", ", installed)}.";
            return $"connector.class {connectorClass} is not installed on {connection.Describe()}, so it cannot run there and its configuration could not be validated. " +
                   $"{has} Install the plugin on every worker (plugin.path), or name one of these.";
        }

        private static List<ConnectorConfigProblem> Read(ApiCall call, JToken reply, KafkaConnectValidationRequest request, SecretRedactor redactor)
        {
            try
            {
                JObject result = reply as JObject ?? throw new ReplyShapeException($"its body is {JsonFields.Describe(reply.Type)}, not a validation result");
                if (result["error_count"] == null)
                {
                    throw new ReplyShapeException("its body has no error_count");
                }

                int errorCount = JsonFields.Int(result, "error_count");
                var problems = new List<ConnectorConfigProblem>();
                if (errorCount == 0)
                {
                    return problems;
                }

                int named = 0;
                foreach (JObject value in Values(result))
                {
                    string key = JsonFields.String(value, "name") ?? string.Empty;
                    foreach (JToken error in (value["errors"] as JArray ?? new JArray()).Where(JsonFields.IsScalar))
                    {
                        named++;
                        if (request.LeftOut.Contains(key) || (key == "name" && request.NameIsPlaceholder))
                        {
                            // The offline checks already report a key that was left out; the placeholder is ours, not the user's.
                            continue;
                        }

                        // *(decision)* Kept even when an offline check found a problem with the same key: the server's
                        // words are what this destination will answer at create time, the offline message says how to
                        // fix it, and the two rarely say the same thing the same way.
                        problems.Add(ConnectorConfigProblem.Error(key, Worded(key, redactor.Redact(JsonFields.ScalarText(error)))));
                    }
                }

                if (named == 0)
                {
                    problems.Add(ConnectorConfigProblem.Error(string.Empty, $"Kafka Connect counts {errorCount} error(s) in this configuration but names none of them."));
                }

                return problems;
            }
            catch (ReplyShapeException ex)
            {
                throw UpstashApiClient.InvalidReply(call, ex.Message);
            }
        }

        /// <summary>Every configs[].value object of a validation result.</summary>
        private static IEnumerable<JObject> Values(JObject result) =>
            (result["configs"] as JArray ?? new JArray()).OfType<JObject>().Select(c => c["value"]).OfType<JObject>();

        private static string Worded(string key, string serverText)
        {
            string text = InvalidValue.Replace(serverText.Trim(), "Invalid value for configuration ");
            return key.Length == 0 ? $"Kafka Connect refuses the configuration: {text}" : $"Kafka Connect refuses {key}: {text}";
        }

        /// <summary>-Debug's copy of the reply, with the value of each secret key masked (the redactor then masks the rest).</summary>
        private static string MaskValuesInReply(string body, HashSet<string> hidden)
        {
            try
            {
                if (!(JsonReading.Parse(body) is JObject result))
                {
                    return body;
                }

                foreach (JObject value in Values(result))
                {
                    if (value["name"] is JToken name && JsonFields.IsScalar(name) && hidden.Contains(JsonFields.ScalarText(name)) && value["value"] is JToken shown && shown.Type != JTokenType.Null)
                    {
                        value["value"] = SecretPropertyRules.Mask;
                    }
                }

                return result.ToString(Formatting.None);
            }
            catch (JsonException)
            {
                return "(validation result not shown: it is not valid JSON, and it may echo secret values)";
            }
        }
    }
}
