using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Turns -Path values into the connector files to read, the way PowerShell users expect: relative to the current
    /// location (not the process's), wildcards expanded, a folder meaning every *.json and *.properties in it.
    /// </summary>
    internal static class ConnectorFilePaths
    {
        public const string PathNotFoundErrorId = "ConnectorPathNotFound";

        /// <summary>
        /// The files, each once, in the order given (a folder's in name order). A path that names nothing, or not a
        /// file-system item, is an error written for that path; the others go on.
        /// </summary>
        public static List<string> Resolve(PSCmdlet cmdlet, IEnumerable<string> paths)
        {
            var files = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string path in paths)
            {
                foreach (string file in ResolveOne(cmdlet, path))
                {
                    if (seen.Add(file))
                    {
                        files.Add(file);
                    }
                }
            }

            return files;
        }

        private static IEnumerable<string> ResolveOne(PSCmdlet cmdlet, string path)
        {
            IEnumerable<string> resolved;
            ProviderInfo provider;
            try
            {
                resolved = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException || ex is PSArgumentException)
            {
                cmdlet.WriteError(new ErrorRecord(
                    new ItemNotFoundException($"Cannot find the connector file or folder '{path}'.", ex),
                    PathNotFoundErrorId,
                    ErrorCategory.ObjectNotFound,
                    path));
                return Enumerable.Empty<string>();
            }

            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                cmdlet.WriteError(new ErrorRecord(
                    new ArgumentException($"'{path}' is not a file-system path; connector files are read from files and folders."),
                    "ConnectorPathNotFileSystem",
                    ErrorCategory.InvalidArgument,
                    path));
                return Enumerable.Empty<string>();
            }

            bool wildcard = WildcardPattern.ContainsWildcardCharacters(path);
            var files = new List<string>();
            foreach (string item in resolved)
            {
                if (Directory.Exists(item))
                {
                    List<string> inFolder = ConnectorFileReader.FilesIn(item).ToList();
                    if (inFolder.Count == 0 && !wildcard)
                    {
                        cmdlet.WriteWarningWithoutPrompts($"The folder '{item}' has no *.json or *.properties connector files.");
                    }

                    files.AddRange(inFolder);
                }
                else if (ConnectorFileReader.IsConnectorFile(item) || !wildcard)
                {
                    // A file named outright is read whatever its extension, so its error says why it is not a connector file.
                    files.Add(item);
                }
            }

            return files;
        }
    }
}
