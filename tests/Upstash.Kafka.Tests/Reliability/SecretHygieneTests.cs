using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Reliability;

/// <summary>
/// Runs every exported cmdlet, on its success and its failure paths, with -Verbose -Debug and with -Debug alone,
/// and searches everything it exposed (every stream, every error record with its exception chain and target, every
/// output object's string form, property values and rendered table) for the API key and the secret property values.
/// </summary>
public sealed class SecretHygieneTests : EmulatorSessionTest
{
    private const string UriSecret = "Sup3r-Uri-Secret";
    private const string PasswordSecret = "Pa55w0rd-Secret";
    private const string GivenAsSecureString = "SecureGiven-Secret";
    private const string WrongKey = "Wrong-Api-Key-Secret";

    public SecretHygieneTests(EmulatorFixture emulator)
        : base(emulator)
    {
        Emulator.Server.Options.PendingDelay = TimeSpan.Zero;
        Emulator.Server.Options.RestartDelay = TimeSpan.Zero;
    }

    /// <summary>The cluster's Kafka password, which every topic reply carries in clear.</summary>
    private string ClusterPassword => Emulator.Server.Store.FindCluster(ConnectorSeed.DemoCluster)!.Password;

    private string[] Secrets => new[] { Emulator.ApiKey, UriSecret, PasswordSecret, GivenAsSecureString, WrongKey, ClusterPassword };

    /// <summary>What each cmdlet is run with; {S} is where the stream switches go. Every exported cmdlet must be here.</summary>
    private static readonly Dictionary<string, string[]> Scenarios = new()
    {
        ["Connect-UpstashKafka"] = new[]
        {
            "Connect-UpstashKafka -Credential $cred -ApiUri $uri -PassThru {S}",
            "Connect-UpstashKafka -Credential $wrongCred -ApiUri 'http://example.com' {S}",
            "Connect-UpstashKafka -KafkaConnectUri $uriWithPassword -NotDefault -PassThru {S}",
            "Connect-UpstashKafka -Credential $cred -ApiUri $uriWithPassword {S}",
        },
        ["Disconnect-UpstashKafka"] = new[] { "Disconnect-UpstashKafka {S}; Connect-UpstashKafka -Credential $cred -ApiUri $uri" },
        ["New-UpstashKafkaConnector"] = new[]
        {
            "New-UpstashKafkaConnector -Name ('n' + [guid]::NewGuid()) -ClusterId $cluster -Property $props -Wait -Timeout 5 {S}",
            "New-UpstashKafkaConnector -Name echo -ClusterId $cluster -Property $props -MaxRetry 0 {S}",
            "New-UpstashKafkaConnector -Name x -ClusterId $cluster -Property $props -Credential $wrongCred {S}",
            "New-UpstashKafkaConnector -Connection $kc -Name ('kc' + [guid]::NewGuid()) -Property $props -Wait -Timeout 5 {S}",
        },
        ["Get-UpstashKafkaConnector"] = new[]
        {
            "Get-UpstashKafkaConnector {S}",
            "Get-UpstashKafkaConnector -ConnectorId $id {S}",
            "Get-UpstashKafkaConnector -ConnectorId $quotingId {S}",
            "Get-UpstashKafkaConnector -ConnectorId nope {S}",
            "Get-UpstashKafkaConnector -ClusterId $cluster -Credential $wrongCred {S}",
            "Get-UpstashKafkaConnector -Connection $kc {S}",
            "Get-UpstashKafkaConnector -Connection $kc -Name kc-secretive {S}",
        },
        ["Set-UpstashKafkaConnector"] = new[]
        {
            "Set-UpstashKafkaConnector -ConnectorId $id -Property @{ 'tasks.max' = 3 } -PassThru {S}",
            "Set-UpstashKafkaConnector -ConnectorId $plainKeyId -Property @{ 'plain.looking.key' = $props['plain.looking.key'] } -Wait -Timeout 5 {S}",
            "Set-UpstashKafkaConnector -ConnectorId $id -Property @{ 'tasks.max' = 4 } -MaxRetry 0 {S}",
            "Get-UpstashKafkaConnector -ConnectorId $id | ForEach-Object { Set-UpstashKafkaConnector -ConnectorId $_.ConnectorId -Property $_.Properties {S} }",
            "Set-UpstashKafkaConnector -Connection $kc -ConnectorId kc-secretive -Property @{ 'batch.size' = 7 } -PassThru {S}",
            "Set-UpstashKafkaConnector -Connection $kc -ConnectorId kc-secretive -Property @{ 'batch.size' = 8 } -PassThru {S}",
        },
        ["Stop-UpstashKafkaConnector"] = new[] { "Stop-UpstashKafkaConnector -Connection $kc -ConnectorId kc-secretive -PassThru -Wait -Timeout 5 {S}", "Stop-UpstashKafkaConnector -ConnectorId $id {S}" },
        ["Get-UpstashKafkaConnectorPlugin"] = new[] { "Get-UpstashKafkaConnectorPlugin -Connection $kc {S}", "Get-UpstashKafkaConnectorPlugin {S}" },
        ["Get-UpstashKafkaConnectorOffset"] = new[] { "Get-UpstashKafkaConnectorOffset -Connection $kc -Name kc-secretive {S}", "Get-UpstashKafkaConnectorOffset -Connection $kc -Name nope {S}" },
        ["Set-UpstashKafkaConnectorOffset"] = new[]
        {
            "Get-UpstashKafkaConnectorOffset -Connection $kc -Name kc-secretive | Set-UpstashKafkaConnectorOffset -PassThru {S}",
            "Set-UpstashKafkaConnectorOffset -Connection $kc -Name kc-secretive -Offset @{ partition = @{ kafka_topic = 'orders'; kafka_partition = 0 }; offset = @{ kafka_offset = 5 } } {S}",
        },
        ["Reset-UpstashKafkaConnectorOffset"] = new[] { "Reset-UpstashKafkaConnectorOffset -Connection $kc -Name kc-secretive -Force {S}", "Reset-UpstashKafkaConnectorOffset -Name $id -Force {S}" },
        ["Copy-UpstashKafkaConnector"] = new[]
        {
            "Get-UpstashKafkaConnector -ConnectorId $id | Copy-UpstashKafkaConnector -Destination $kc {S}",
            "Get-UpstashKafkaConnector -ConnectorId $id | Copy-UpstashKafkaConnector -Destination $kc {S}",
            "Get-UpstashKafkaConnector -ConnectorId $quotingId | Copy-UpstashKafkaConnector -Destination $kc -InitialState Stopped {S}",
        },
        ["Suspend-UpstashKafkaConnector"] = new[] { "Suspend-UpstashKafkaConnector -ConnectorId $id -PassThru {S}", "Suspend-UpstashKafkaConnector -ConnectorId nope {S}" },
        ["Resume-UpstashKafkaConnector"] = new[] { "Resume-UpstashKafkaConnector -ConnectorId $id -PassThru -Wait -Timeout 5 {S}", "Resume-UpstashKafkaConnector -ConnectorId $failedId -Wait -Timeout 5 {S}" },
        ["Restart-UpstashKafkaConnector"] = new[] { "Restart-UpstashKafkaConnector -ConnectorId $id -PassThru {S}", "Restart-UpstashKafkaConnector -ConnectorId $failedId -Wait -Timeout 5 {S}" },
        ["Wait-UpstashKafkaConnector"] = new[] { "Wait-UpstashKafkaConnector -Connection $kc -ConnectorId kc-secretive -Timeout 5 {S}", "Wait-UpstashKafkaConnector -Connection $kc -ConnectorId kc-failing -Timeout 5 {S}", "Get-UpstashKafkaConnector -Connection $kc -Name kc-failing {S}", "Wait-UpstashKafkaConnector -ConnectorId $id -Timeout 5 {S}", "Wait-UpstashKafkaConnector -ConnectorId $failedId -Timeout 5 {S}" },
        ["Test-UpstashKafkaConnectorConfig"] = new[]
        {
            "Test-UpstashKafkaConnectorConfig -Name x -Property $props {S}",
            "Test-UpstashKafkaConnectorConfig -Name x -Property @{ 'connector.class' = 'com.mongodb.kafka.connect.MongoSinkConnector'; 'connection.uri' = 'postgres://u:' + $props['database.password'] + '@h'; 'tasks.max' = $props['database.password']; 'database.port' = $props['plain.looking.key'] } {S}",
            "Get-UpstashKafkaConnector -ConnectorId $id -IncludeSecret | Test-UpstashKafkaConnectorConfig {S}",
        },
        ["Remove-UpstashKafkaConnector"] = new[] { "Remove-UpstashKafkaConnector -ConnectorId $removableId -Force {S}", "Remove-UpstashKafkaConnector -ConnectorId $removableId -Force {S}" },
        ["Get-UpstashKafkaTopic"] = new[] { "Get-UpstashKafkaTopic {S}", "Get-UpstashKafkaTopic -TopicId $topicId {S}", "Get-UpstashKafkaTopic -Name missing {S}" },
        ["New-UpstashKafkaTopic"] = new[] { "New-UpstashKafkaTopic -Name ('t' + [guid]::NewGuid()) -ClusterId $cluster {S}", "New-UpstashKafkaTopic -Name echo -ClusterId $cluster -MaxRetry 0 {S}" },
        ["Set-UpstashKafkaTopic"] = new[] { "Set-UpstashKafkaTopic -TopicId $topicId -Partitions 2 -RetentionSize -1 -PassThru {S}", "Set-UpstashKafkaTopic -TopicId $topicId -Partitions 1 {S}", "Set-UpstashKafkaTopic -TopicId $topicId -Partitions 3 -MaxRetry 0 {S}" },
        ["Remove-UpstashKafkaTopic"] = new[] { "Remove-UpstashKafkaTopic -TopicId $removableTopicId -Force {S}", "Remove-UpstashKafkaTopic -TopicId $removableTopicId -Force {S}" },
        ["Get-UpstashKafkaTopicStatistic"] = new[] { "Get-UpstashKafkaTopicStatistic -TopicId $topicId {S}", "Get-UpstashKafkaTopicStatistic -TopicId nope {S}" },
        ["Get-UpstashKafkaClusterStatistic"] = new[] { "Get-UpstashKafkaClusterStatistic -ClusterId $cluster {S}" },
        ["Get-UpstashKafkaCluster"] = new[] { "Get-UpstashKafkaCluster {S}", "Get-UpstashKafkaCluster -ClusterId $cluster {S}", "Get-UpstashKafkaCluster -Name nope {S}" },
        ["New-UpstashKafkaCluster"] = new[] { "New-UpstashKafkaCluster -Name ('c' + [guid]::NewGuid().ToString('N').Substring(0, 8)) -Region eu-west-1 {S}", "New-UpstashKafkaCluster -Name demo-cluster -Region eu-west-1 {S}" },
        ["Rename-UpstashKafkaCluster"] = new[] { "Rename-UpstashKafkaCluster -ClusterId $cluster -NewName demo-cluster -PassThru {S}", "Rename-UpstashKafkaCluster -ClusterId nope -NewName x {S}" },
        ["Reset-UpstashKafkaClusterPassword"] = new[] { "Reset-UpstashKafkaClusterPassword -ClusterId $cluster -Force {S}", "Reset-UpstashKafkaClusterPassword -ClusterId $cluster -Force -MaxRetry 0 {S}" },
        ["Remove-UpstashKafkaCluster"] = new[] { "Remove-UpstashKafkaCluster -ClusterId $removableCluster -Force {S}", "Remove-UpstashKafkaCluster -ClusterId $removableCluster -Force {S}" },
        ["Get-UpstashKafkaCredential"] = new[] { "Get-UpstashKafkaCredential {S}", "Get-UpstashKafkaCluster -ClusterId $cluster | Get-UpstashKafkaCredential {S}", "Get-UpstashKafkaCredential -CredentialId nope {S}" },
        ["New-UpstashKafkaCredential"] = new[] { "New-UpstashKafkaCredential -Name ('k' + [guid]::NewGuid().ToString('N').Substring(0, 8)) -ClusterId $cluster -Topic '*' -Permission All {S}", "New-UpstashKafkaCredential -Name echo -ClusterId $cluster -Topic '*' -Permission All -MaxRetry 0 {S}" },
        ["Remove-UpstashKafkaCredential"] = new[] { "Get-UpstashKafkaCredential | Select-Object -First 1 | Remove-UpstashKafkaCredential -Force {S}", "Remove-UpstashKafkaCredential -CredentialId nope -Force {S}" },
        ["Export-UpstashKafkaConnector"] = new[]
        {
            "Export-UpstashKafkaConnector -ClusterId $cluster -Path $refsDir {S}",
            "Export-UpstashKafkaConnector -ClusterId $cluster -Path $clearDir -IncludeSecret -Format Properties {S}",
            "Get-UpstashKafkaConnector -ConnectorId $id | Export-UpstashKafkaConnector -Path $refsDir -NoClobber {S}",
        },
        ["Compare-UpstashKafkaConnector"] = new[] { "Compare-UpstashKafkaConnector -Path $syncDir -ClusterId $cluster {S}", "Compare-UpstashKafkaConnector -Path $syncDir -Connection $kc {S}" },
        ["Sync-UpstashKafkaConnector"] = new[]
        {
            "Sync-UpstashKafkaConnector -Path $syncDir -ClusterId $cluster -WhatIf {S}",
            "Sync-UpstashKafkaConnector -Path $syncDir -ClusterId $cluster -MaxRetry 0 {S}",
            "Sync-UpstashKafkaConnector -Path $syncDir -ClusterId $cluster -Wait -Timeout 5 {S}",
            "Sync-UpstashKafkaConnector -Path $syncDir -Connection $kc -Wait -Timeout 5 {S}",
        },
    };

    [Fact]
    public void Every_exported_cmdlet_has_scenarios()
    {
        RunResult commands = Session.Run("Get-Command -Module Upstash.Kafka | ForEach-Object Name");
        Assert.Equal(commands.Output.Select(o => o.ToString()).Order(), Scenarios.Keys.Order());
    }

    [Theory]
    [InlineData("-Verbose -Debug")]
    [InlineData("-Debug")]
    public void No_secret_reaches_any_stream_error_or_output_of_any_cmdlet(string streams)
    {
        string secretUri = $"mongodb://app:{UriSecret}@db.example:27017";
        var variables = new Dictionary<string, object?>
        {
            ["cred"] = Emulator.Credential,
            ["wrongCred"] = new PSCredential("x@example.com", new System.Net.NetworkCredential(string.Empty, WrongKey).SecurePassword),
            ["uri"] = Emulator.BaseUri,
            ["cluster"] = ConnectorSeed.DemoCluster,
            ["props"] = new Hashtable
            {
                ["connector.class"] = ConnectorSeed.Mongo,
                ["connection.uri"] = secretUri,
                ["database.password"] = PasswordSecret,
                ["plain.looking.key"] = new System.Net.NetworkCredential(string.Empty, GivenAsSecureString).SecurePassword,
            },
        };
        var properties = new JsonObject { ["connector.class"] = ConnectorSeed.Mongo, ["connection.uri"] = secretUri, ["database.password"] = PasswordSecret };
        variables["id"] = ConnectorSeed.Add(Emulator.Server, "secretive", "running", properties: (JsonObject)properties.DeepClone());
        variables["removableId"] = ConnectorSeed.Add(Emulator.Server, "removable", "running", properties: (JsonObject)properties.DeepClone());
        // A failed connector whose message quotes its own connection string, as Kafka Connect's often do.
        variables["quotingId"] = ConnectorSeed.Add(Emulator.Server, "quoting", "running", properties: (JsonObject)properties.DeepClone());
        Emulator.Server.Store.ForceState((string)variables["quotingId"]!, "failed", "Unable to connect to " + secretUri + " with password " + PasswordSecret);
        variables["plainKeyId"] = ConnectorSeed.Add(Emulator.Server, "plain-key", "running", properties: (JsonObject)properties.DeepClone());
        variables["failedId"] = ConnectorSeed.Add(Emulator.Server, "broken", "failed", properties: new JsonObject { ["connector.class"] = ConnectorSeed.Mongo, ["connection.uri"] = "postgres://u:" + UriSecret + "@h" });

        variables["topicId"] = Emulator.Server.Store.AddTopic("secret-topic", ConnectorSeed.DemoCluster, 1, 604800000, 1073741824, 1048576, "delete").TopicId;
        variables["removableTopicId"] = Emulator.Server.Store.AddTopic("removable-topic", ConnectorSeed.DemoCluster, 1, 604800000, 1073741824, 1048576, "delete").TopicId;
        // Kafka passwords the API returns in clear: the cluster's (also after a reset) and each credential's.
        variables["removableCluster"] = Emulator.Server.Store.AddCluster(Guid.NewGuid().ToString(), "removable").ClusterId;
        Emulator.Server.Store.AddCredential("existing", ConnectorSeed.DemoCluster, "*", "ALL");

        // Failure paths that echo what was sent, as a careless server might.
        Emulator.Server.Faults.Add(new FaultRule { Method = "POST", Path = "/v2/kafka/connector", Status = 400, Body = $"invalid connection.uri {secretUri} (password {PasswordSecret}, {GivenAsSecureString})", Count = null, Probability = 1 });
        Emulator.Server.Faults.Add(new FaultRule { Method = "POST", Path = "/v2/kafka/update-connector/*", Status = 400, Body = $"cannot connect with {secretUri} / {PasswordSecret}", Count = 1 });
        // A topic refusal that quotes the Kafka password the module read just before (Set reads the topic first).
        Emulator.Server.Faults.Add(new FaultRule { Method = "POST", Path = "/v2/kafka/update-topic/*", Status = 400, Body = $"sasl login failed for password {ClusterPassword}", Count = 1 });

        // Connectors as code: a folder whose files take the secrets from the environment, one of them rotated.
        string variable = "HYGIENE_URI_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, secretUri.Replace("@db", "-rotated@db", StringComparison.Ordinal));
        string syncDir = Directory.CreateTempSubdirectory("hygiene-sync").FullName;
        variables["syncDir"] = syncDir;
        string exportDir = Directory.CreateTempSubdirectory("hygiene-export").FullName;
        variables["refsDir"] = Path.Combine(exportDir, "refs");
        variables["clearDir"] = Path.Combine(exportDir, "clear");
        foreach (string name in new[] { "secretive", "from-file" })
        {
            string reference = "${env:" + variable + "}";
            File.WriteAllText(
                Path.Combine(syncDir, name + ".json"),
                $"{{\"name\": \"{name}\", \"config\": {{\"connector.class\": \"{ConnectorSeed.Mongo}\", \"connection.uri\": \"{reference}\", \"database.password\": \"{PasswordSecret}\"}}}}");
        }

        // Kafka Connect: a connector with secrets, replies that quote the submitted configuration (as a 400 for a
        // config without connector.class really does), and $kc for every scenario that names it.
        var kcConfig = new JsonObject { ["connector.class"] = "io.aiven.connect.jdbc.JdbcSinkConnector", ["topics"] = "orders", ["connection.url"] = secretUri.Replace("mongodb", "jdbc:postgresql", StringComparison.Ordinal), ["connection.password"] = PasswordSecret, ["name"] = "kc-secretive" };
        Emulator.Server.KafkaConnect.Create("kc-secretive", kcConfig, Upstash.Kafka.Emulator.KafkaConnect.KafkaConnectTarget.Started, c => c);
        Emulator.Server.Faults.Add(new FaultRule { Method = "PUT", Path = "/connectors/kc-secretive/config", Status = 400, Body = $"Connector config {{connection.url={secretUri}, connection.password={PasswordSecret}}} contains no connector type", Count = 1 });
        // A failed task whose trace quotes the password, as JDBC drivers' messages do: the waiter polls the status
        // alone, which carries no configuration to find the secret in.
        var failingConfig = (JsonObject)kcConfig.DeepClone();
        failingConfig["name"] = "kc-failing";
        Emulator.Server.KafkaConnect.Create("kc-failing", failingConfig, Upstash.Kafka.Emulator.KafkaConnect.KafkaConnectTarget.Started, c => c);
        Emulator.Server.KafkaConnect.SettleAll();
        Emulator.Server.KafkaConnect.Force("kc-failing", "RUNNING", new[] { "FAILED" }, "java.sql.SQLException: login failed for user app with password " + PasswordSecret + "\n\tat org.postgresql.Driver.connect(Driver.java:1)");
        variables["uriWithPassword"] = new Uri("http://admin:" + PasswordSecret + "@connect.example.com:8083");
        Session.Run("$kc = Connect-UpstashKafka -KafkaConnectUri $uri -NotDefault -PassThru", variables).AssertNoErrors();

        try
        {
            RunAll(streams, variables);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private void RunAll(string streams, Dictionary<string, object?> variables)
    {
        int ran = 0;
        foreach ((string cmdlet, string[] scripts) in Scenarios)
        {
            foreach (string template in scripts)
            {
                if (template.Contains("-Wait", StringComparison.Ordinal) && cmdlet == "New-UpstashKafkaConnector")
                {
                    // The success path of New: let the create through once.
                    Emulator.Server.Faults.Clear();
                }

                // Passwords that a reset or a removal is about to make disappear from the store must still never show.
                KafkaPasswords();
                string script = "$r = @(" + template.Replace("{S}", streams, StringComparison.Ordinal) + "); $r; $r | Out-Default";
                RunResult result = Session.Run(script, variables);
                string exposed = result.AllText() + "\n" + string.Join("\n", result.Output.Select(Describe));
                // A value given as a SecureString under a plain-looking key is masked by the call that was given it;
                // a later read cannot know it was secret (the server returns it in clear and the key looks plain).
                foreach (string secret in Secrets.Concat(KafkaPasswords()).Where(s => s != GivenAsSecureString || cmdlet is "New-UpstashKafkaConnector" or "Set-UpstashKafkaConnector" or "Test-UpstashKafkaConnectorConfig"))
                {
                    int at = exposed.IndexOf(secret, StringComparison.Ordinal);
                    Assert.False(at >= 0, $"{cmdlet} ({template}, {streams}) exposed {secret} in: ...{(at >= 0 ? exposed.Substring(Math.Max(0, at - 300), Math.Min(400, exposed.Length - Math.Max(0, at - 300))) : string.Empty)}...");
                }

                Assert.True(Session.Host.Prompts.Count == 0, $"{cmdlet} ({template}, {streams}) prompted: {string.Join(", ", Session.Host.Prompts)}");
                ran++;
            }
        }

        Assert.True(ran >= 20, $"only {ran} scenarios ran");
    }

    /// <summary>Every Kafka password the emulator holds now or held before a reset or removal; the API returns them in clear.</summary>
    private IEnumerable<string> KafkaPasswords()
    {
        seenPasswords.UnionWith(Emulator.Server.Store.Clusters().Select(c => c.Password));
        seenPasswords.UnionWith(Emulator.Server.Store.Credentials().Select(c => c.Password));
        return seenPasswords.ToList();
    }

    private readonly HashSet<string> seenPasswords = new(StringComparer.Ordinal);

    /// <summary>An output object as a person or a log could see it: its string form and every property, nested ones included.</summary>
    private static string Describe(PSObject value)
    {
        var parts = new List<string> { value.ToString() };
        // Script properties (FileInfo's UnixMode from Export-) need a runspace on this thread; they only restate the file.
        foreach (PSPropertyInfo property in value.Properties.Where(p => p is not PSScriptProperty))
        {
            object? inner = property.Value;
            parts.Add(property.Name + "=" + inner);
            if (inner is IDictionary dictionary)
            {
                parts.AddRange(dictionary.Keys.Cast<object>().Select(k => $"{k}={dictionary[k]}"));
            }
            else if (inner is IEnumerable list and not string)
            {
                parts.AddRange(list.Cast<object?>().Select(item => item == null ? string.Empty : Describe(PSObject.AsPSObject(item))));
            }
        }

        return string.Join("\n", parts);
    }
}
