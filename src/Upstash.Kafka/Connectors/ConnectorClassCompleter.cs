using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Completers
{
    /// <summary>
    /// Completes connector.class values: on a Kafka Connect connection, the connector plugins that server has
    /// installed (cached briefly, as every network answer of a completer); otherwise the classes Upstash hosted,
    /// offline and instant.
    /// </summary>
    public sealed class ConnectorClassCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            string typed = CompletionText.Typed(wordToComplete);
            List<(string ClassName, string Description)> classes = Candidates(fakeBoundParameters);

            // Prefix matches when there are any, so a shell that inserts the common prefix keeps what was typed;
            // otherwise any class containing the text ("Mongo", "Jdbc"), which a menu shows in full. Class names
            // are plain tokens, so they go back unquoted (a quote would become the common prefix).
            var matches = classes.Where(c => CompletionText.StartsWith(c.ClassName, typed)).ToList();
            if (matches.Count == 0)
            {
                matches = classes.Where(c => c.ClassName.IndexOf(typed, System.StringComparison.OrdinalIgnoreCase) >= 0).ToList();
            }

            return matches.Select(c => new CompletionResult(CompletionText.Quoted(c.ClassName), c.ClassName, CompletionResultType.ParameterValue, c.Description));
        }

        private static List<(string ClassName, string Description)> Candidates(IDictionary fakeBoundParameters)
        {
            ApiConnection? connection = CompletionData.Connection(fakeBoundParameters);
            if (connection?.Kind == ServerKind.KafkaConnect)
            {
                return CompletionData.Answer(connection, "connector-plugins", ListConnectorPluginsAsync)
                    .OfType<KafkaConnectorPlugin>()
                    .Select(p => (p.Class, $"{p.Type} connector{(p.Version == null ? string.Empty : ", version " + p.Version)}, on {connection.Describe()}"))
                    .ToList();
            }

            return KnownConnectorClasses.All.Select(c => (c.ClassName, c.Description)).ToList();
        }

        private static async System.Threading.Tasks.Task<List<object>> ListConnectorPluginsAsync(UpstashApiClient api, System.Threading.CancellationToken token)
        {
            var plugins = new List<object>();
            await new KafkaConnectPluginApi(api)
                .ListAsync(p =>
                {
                    if (p.Type == KafkaConnectorPluginType.Source || p.Type == KafkaConnectorPluginType.Sink)
                    {
                        plugins.Add(p);
                    }
                }, token)
                .ConfigureAwait(false);
            return plugins;
        }
    }
}
