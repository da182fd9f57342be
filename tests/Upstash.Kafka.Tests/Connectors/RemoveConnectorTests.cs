using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;
using static Upstash.Kafka.Tests.Infrastructure.ConnectorSeed;

namespace Upstash.Kafka.Tests.Connectors;

public sealed class RemoveConnectorTests : EmulatorSessionTest
{
    private const int Yes = 0;
    private const int No = 2;
    private readonly string id;

    public RemoveConnectorTests(EmulatorFixture emulator)
        : base(emulator)
    {
        id = Add(Emulator.Server, "orders");
    }

    private int Deletes => Emulator.Server.Journal.Count("DELETE", "/v2/kafka/connector/" + id);

    private RunResult Remove(string arguments) =>
        Session.Run("Remove-UpstashKafkaConnector -ConnectorId $id " + arguments, new Dictionary<string, object?> { ["id"] = id });

    [Fact]
    public void Force_removes_without_asking()
    {
        RunResult result = Remove("-Force");

        result.AssertNoErrors();
        Assert.Empty(Session.Host.Prompts);
        Assert.Equal(1, Deletes);
        Assert.Equal("(gone)", StateOf(Emulator.Server, id));
    }

    [Fact]
    public void Without_Force_it_asks_and_a_yes_removes()
    {
        Session.Host.ChoiceAnswers.Enqueue(Yes);

        RunResult result = Remove(string.Empty);

        result.AssertNoErrors();
        Assert.Contains(Session.Host.Prompts, p => p.Contains("Remove Kafka connector", StringComparison.Ordinal) && p.Contains(id, StringComparison.Ordinal));
        Assert.Equal(1, Deletes);
    }

    [Fact]
    public void Confirm_asks_even_with_Force_and_a_no_sends_nothing()
    {
        Session.Host.ChoiceAnswers.Enqueue(No);

        RunResult result = Remove("-Force -Confirm");

        Assert.Single(Session.Host.Prompts);
        Assert.Empty(Emulator.Server.Journal.Entries);
        Assert.Equal("running", StateOf(Emulator.Server, id));
        Assert.Empty(result.Output);
    }

    [Fact]
    public void WhatIf_wins_over_Force_and_sends_nothing()
    {
        RunResult result = Remove("-Force -WhatIf");

        result.AssertNoErrors();
        Assert.Empty(Emulator.Server.Journal.Entries);
        Assert.Contains($"Performing the operation \"Remove Kafka connector\" on target \"connector {id}\"", result.HostOutput);
    }

    [Fact]
    public void Piped_connectors_are_named_in_the_prompt()
    {
        Session.Host.ChoiceAnswers.Enqueue(Yes);

        RunResult result = Session.Run("Get-UpstashKafkaConnector -Name orders | Remove-UpstashKafkaConnector");

        result.AssertNoErrors();
        Assert.Contains(Session.Host.Prompts, p => p.Contains($"connector 'orders' ({id})", StringComparison.Ordinal));
        Assert.Equal(1, Deletes);
    }

    [Fact]
    public void Removing_one_that_is_already_gone_is_an_ObjectNotFound_error()
    {
        Remove("-Force").AssertNoErrors();

        RunResult again = Remove("-Force");

        ErrorRecord error = Assert.Single(again.Errors);
        Assert.Equal("RemoveConnectorNotFound,Upstash.Kafka.Cmdlets.RemoveUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(id, error.TargetObject);
        Assert.Contains("connector not found", error.Exception.Message);
    }
}
