using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace Upstash.Kafka.Tests.Infrastructure;

/// <summary>
/// A PowerShell host for tests: everything written to it is captured, and any prompt throws unless the test queued
/// an answer. A cmdlet that prompts where it should not (a hidden Read-Host, a missing credential) fails loudly.
/// </summary>
public sealed class TestHost : PSHost
{
    private readonly TestHostUserInterface ui = new();

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => "UpstashKafkaTestHost";

    public override PSHostUserInterface UI => ui;

    public override Version Version => new(1, 0);

    /// <summary>Everything written to the host (Write-Host, Out-Default, prompts' captions).</summary>
    public string Output => ui.Text.ToString();

    /// <summary>Answers for PromptForChoice, in order (index of the choice: 0 = Yes, 1 = Yes to All, 2 = No ...).</summary>
    public Queue<int> ChoiceAnswers => ui.ChoiceAnswers;

    /// <summary>The captions and messages of every choice prompt shown.</summary>
    public List<string> Prompts => ui.Prompts;

    public override void EnterNestedPrompt() => throw new InvalidOperationException("The test host has no nested prompt.");

    public override void ExitNestedPrompt() => throw new InvalidOperationException("The test host has no nested prompt.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }

    private sealed class TestHostUserInterface : PSHostUserInterface
    {
        public StringBuilder Text { get; } = new();

        public Queue<int> ChoiceAnswers { get; } = new();

        public List<string> Prompts { get; } = new();

        public override PSHostRawUserInterface? RawUI => null;

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new InvalidOperationException($"Unexpected prompt: {caption} {message}");

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(caption + ": " + message);
            return ChoiceAnswers.Count > 0
                ? ChoiceAnswers.Dequeue()
                : throw new InvalidOperationException($"Unexpected choice prompt: {caption} {message}");
        }

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new InvalidOperationException($"Unexpected credential prompt: {caption} {message}");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new InvalidOperationException($"Unexpected credential prompt: {caption} {message}");

        public override string ReadLine() => throw new InvalidOperationException("Unexpected Read-Host.");

        public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("Unexpected Read-Host -AsSecureString.");

        public override void Write(string value) => Text.Append(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Text.Append(value);

        public override void WriteDebugLine(string message) => Text.AppendLine("DEBUG: " + message);

        public override void WriteErrorLine(string value) => Text.AppendLine(value);

        public override void WriteLine(string value) => Text.AppendLine(value);

        public override void WriteProgress(long sourceId, ProgressRecord record) => Text.AppendLine("PROGRESS: " + record.Activity + " " + record.StatusDescription);

        public override void WriteVerboseLine(string message) => Text.AppendLine("VERBOSE: " + message);

        public override void WriteWarningLine(string message) => Text.AppendLine("WARNING: " + message);
    }
}
