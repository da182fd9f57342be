using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace Upstash.Kafka.TryIt;

/// <summary>
/// The smallest PowerShell host that prints like a console: Out-Default renders through it, so the script's output
/// looks as it would in pwsh. It counts the errors it is asked to show, and it never prompts: a script that would
/// wait for a person fails instead of hanging.
/// </summary>
internal sealed class ConsoleHost : PSHost
{
    private readonly ConsoleUserInterface ui = new();

    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => "Upstash.Kafka.TryIt";

    public override PSHostUserInterface UI => ui;

    public override Version Version => new(1, 0);

    /// <summary>How many error records were shown (Out-Default shows each one through WriteErrorLine).</summary>
    public int ErrorsShown => ui.ErrorsShown;

    /// <summary>
    /// While true, everything written goes to standard error: for error records formatted by Out-Default as plain
    /// input (errors that ended a statement never pass down the pipeline, so they are shown afterwards).
    /// </summary>
    public bool WriteToErrorStream
    {
        get => ui.WriteToErrorStream;
        set => ui.WriteToErrorStream = value;
    }

    public override void EnterNestedPrompt() => throw new NotSupportedException("This host has no nested prompt.");

    public override void ExitNestedPrompt() => throw new NotSupportedException("This host has no nested prompt.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }

    private sealed class ConsoleUserInterface : PSHostUserInterface
    {
        private const string NoPrompt = "The try-it host never prompts: give every value in the script.";

        public int ErrorsShown { get; private set; }

        public bool WriteToErrorStream { get; set; }

        private TextWriter Out => WriteToErrorStream ? Console.Error : Console.Out;

        public override PSHostRawUserInterface? RawUI => null;

        /// <summary>Colours on a terminal; plain text into a file or a pipe.</summary>
        public override bool SupportsVirtualTerminal => !Console.IsOutputRedirected;

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new PSInvalidOperationException(NoPrompt);

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
            throw new PSInvalidOperationException(NoPrompt);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new PSInvalidOperationException(NoPrompt);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new PSInvalidOperationException(NoPrompt);

        public override string ReadLine() => throw new PSInvalidOperationException(NoPrompt);

        public override SecureString ReadLineAsSecureString() => throw new PSInvalidOperationException(NoPrompt);

        public override void Write(string value) => Out.Write(Rendered(value));

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Out.Write(Rendered(value));

        public override void WriteLine(string value) => Out.WriteLine(Rendered(value));

        public override void WriteErrorLine(string value)
        {
            ErrorsShown++;
            Console.Error.WriteLine(Rendered(value));
        }

        public override void WriteDebugLine(string message) => Console.WriteLine(Rendered("DEBUG: " + message));

        public override void WriteVerboseLine(string message) => Console.WriteLine(Rendered("VERBOSE: " + message));

        public override void WriteWarningLine(string message) => Console.WriteLine(Rendered("WARNING: " + message));

        /// <summary>The formatter decorates text with ANSI styles; a host strips them where they cannot show ($PSStyle.OutputRendering).</summary>
        private string Rendered(string text) => GetOutputString(text, SupportsVirtualTerminal);

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }
    }
}
