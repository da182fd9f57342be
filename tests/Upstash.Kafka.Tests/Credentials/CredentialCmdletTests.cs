using System.Management.Automation;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Credentials;

/// <summary>Get, New and Remove-UpstashKafkaCredential against the emulator.</summary>
public sealed class CredentialCmdletTests : EmulatorSessionTest
{
    private static readonly string Demo = EmulatorOptions.DemoClusterId;

    public CredentialCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private RunResult Run(string script, object? x = null) =>
        Session.Run(script, new Dictionary<string, object?> { ["c"] = Demo, ["x"] = x });

    [Fact]
    public void New_sends_the_API_spelling_and_writes_a_credential_with_a_PSCredential()
    {
        RunResult result = Run("New-UpstashKafkaCredential -Name app -ClusterId $c -Topic 'orders*' -Permission produce");

        result.AssertNoErrors();
        PSObject credential = Assert.Single(result.Output);
        Assert.Equal("Upstash.Kafka.KafkaCredential", credential.BaseObject.GetType().FullName);
        Assert.Equal("Produce", credential.Properties["Permission"].Value);
        Assert.Equal("orders*", credential.Properties["Topic"].Value);
        string body = Emulator.Server.Journal.Entries.Single(e => e.Method == "POST").Body;
        Assert.Contains("\"permissions\":\"PRODUCE\"", body, StringComparison.Ordinal);
        Assert.Contains("\"credential_name\":\"app\"", body, StringComparison.Ordinal);
        var stored = Emulator.Server.Store.Credentials().Single();
        var login = (PSCredential)credential.Properties["Credential"].Value;
        Assert.Equal(stored.Username, login.UserName);
        Assert.Equal(stored.Password, login.GetNetworkCredential().Password);
        Assert.DoesNotContain(stored.Password, result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_permission_fails_at_binding_and_the_eleventh_credential_is_refused_by_the_server()
    {
        RunResult bad = Run("New-UpstashKafkaCredential -Name app -ClusterId $c -Topic orders -Permission Admin");
        Assert.Equal("ParameterArgumentValidationError,Upstash.Kafka.Cmdlets.NewUpstashKafkaCredentialCommand", Assert.Single(bad.AllErrors).FullyQualifiedErrorId);
        Assert.Empty(Emulator.Server.Journal.Entries);

        for (int i = 0; i < 10; i++)
        {
            Emulator.Server.Store.AddCredential("c" + i, Demo, "*", "ALL");
        }

        ErrorRecord error = Assert.Single(Run("New-UpstashKafkaCredential -Name more -ClusterId $c -Topic '*' -Permission All").Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("at most 10", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lost_create_reply_is_recovered_and_N_creates_leave_N_credentials()
    {
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.DropAfter, Method = "POST", Path = "/v2/kafka/credential", Count = 2 });

        RunResult result = Run("'a', 'b', 'c' | ForEach-Object { New-UpstashKafkaCredential -Name $_ -ClusterId $c -Topic '*' -Permission Consume }");

        result.AssertNoErrors();
        Assert.Equal(new[] { "a", "b", "c" }, result.Output.Select(o => o.Properties["Name"].Value));
        Assert.Equal(3, Emulator.Server.Store.Credentials().Count);
        Assert.Equal(3, Emulator.Server.Journal.Count("POST", "/v2/kafka/credential"));
    }

    [Fact]
    public void Get_filters_the_one_list_by_name_cluster_and_id()
    {
        string other = Guid.NewGuid().ToString();
        Emulator.Server.Store.AddCluster(other, "other");
        Emulator.Server.Store.AddCredential("app-writer", Demo, "orders", "PRODUCE");
        Emulator.Server.Store.AddCredential("app-reader", Demo, "orders", "CONSUME");
        string elsewhere = Emulator.Server.Store.AddCredential("app-writer", other, "*", "ALL").Created!.CredentialId;

        Assert.Equal(3, Run("Get-UpstashKafkaCredential").Output.Count);
        Assert.Equal(2, Run("Get-UpstashKafkaCredential 'app-*' -ClusterId $c").Output.Count);
        Assert.Equal(2, Run("Get-UpstashKafkaCredential app-writer").Output.Count);
        Emulator.Server.Journal.Clear();
        Assert.Equal("All", Assert.Single(Run("Get-UpstashKafkaCredential -CredentialId $x", elsewhere).Output).Properties["Permission"].Value);
        Assert.Equal(1, Emulator.Server.Journal.Count("GET", "/v2/kafka/credentials"));

        ErrorRecord byName = Assert.Single(Run("Get-UpstashKafkaCredential nope").Errors);
        Assert.Equal("CredentialNameNotFound,Upstash.Kafka.Cmdlets.GetUpstashKafkaCredentialCommand", byName.FullyQualifiedErrorId);
        ErrorRecord byId = Assert.Single(Run("Get-UpstashKafkaCredential -CredentialId nope").Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, byId.CategoryInfo.Category);
        Assert.Empty(Run("Get-UpstashKafkaCredential 'zzz*'").AllErrors);
    }

    [Fact]
    public void A_piped_cluster_selects_its_credentials_never_filtering_by_the_cluster_name()
    {
        string other = Guid.NewGuid().ToString();
        Emulator.Server.Store.AddCluster(other, "other");
        Emulator.Server.Store.AddCredential("one", Demo, "*", "ALL");
        Emulator.Server.Store.AddCredential("two", Demo, "*", "ALL");
        Emulator.Server.Store.AddCredential("three", other, "*", "ALL");

        RunResult result = Run("Get-UpstashKafkaCluster demo-cluster | Get-UpstashKafkaCredential");

        result.AssertNoErrors();
        Assert.Equal(new[] { "one", "two" }, result.Output.Select(o => (string)o.Properties["Name"].Value).Order());
    }

    [Fact]
    public void Remove_asks_unless_Force_WhatIf_sends_nothing_and_piped_credentials_bind_by_id()
    {
        Emulator.Server.Store.AddCredential("tmp-1", Demo, "*", "ALL");
        Emulator.Server.Store.AddCredential("tmp-2", Demo, "*", "ALL");
        Emulator.Server.Store.AddCredential("keep", Demo, "*", "ALL");

        Run("Get-UpstashKafkaCredential 'tmp-*' | Remove-UpstashKafkaCredential -Force -WhatIf").AssertNoErrors();
        Assert.Equal(0, Emulator.Server.Journal.Count("DELETE", "/"));

        Session.Host.ChoiceAnswers.Enqueue(2);
        Run("Get-UpstashKafkaCredential tmp-1 | Remove-UpstashKafkaCredential").AssertNoErrors();
        Assert.Single(Session.Host.Prompts);
        Assert.Equal(3, Emulator.Server.Store.Credentials().Count);

        Run("Get-UpstashKafkaCredential 'tmp-*' | Remove-UpstashKafkaCredential -Force").AssertNoErrors();
        Assert.Equal("keep", Assert.Single(Emulator.Server.Store.Credentials()).Name);

        ErrorRecord gone = Assert.Single(Run("Remove-UpstashKafkaCredential -CredentialId nope -Force").Errors);
        Assert.Equal("RemoveCredentialNotFound,Upstash.Kafka.Cmdlets.RemoveUpstashKafkaCredentialCommand", gone.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, gone.CategoryInfo.Category);
    }
}
