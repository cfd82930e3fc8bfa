using System.ComponentModel;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Workspace;
using DatabaseExpert.Workspace.Search;
using Microsoft.SemanticKernel;

namespace DatabaseExpert.Agent.Tools;

/// <summary>
/// The file and shell tools, as the model sees them. Thin: each function forwards to DatabaseExpert.Workspace and
/// returns the result's model text; failures surface as exceptions whose messages the approval filter hands back.
/// </summary>
public sealed class WorkspacePlugin(WorkspaceTools tools) : IToolPreviewer
{
    public const string PluginName = "workspace";

    [KernelFunction("Read")]
    [Description("Read a text file in the workspace. Returns numbered lines (cat -n style). Use offset/limit for large files.")]
    [ToolAccess(ToolAccess.ReadOnly)]
    public async Task<string> ReadAsync(
        [Description("File path, relative to the workspace root")] string path,
        [Description("First line to return (1-based); omit to start at the top")] int? offset = null,
        [Description("Number of lines to return; omit for the default of 2000")] int? limit = null,
        CancellationToken cancellationToken = default) =>
        (await tools.Read.ReadAsync(path, offset, limit, cancellationToken)).ToModelText();

    [KernelFunction("Write")]
    [Description("Create or overwrite a file with the given content (atomically). Prefer Edit for changes to existing files.")]
    [ToolAccess(ToolAccess.Edit)]
    public async Task<string> WriteAsync(
        [Description("File path, relative to the workspace root")] string path,
        [Description("The complete new content of the file")] string content,
        CancellationToken cancellationToken = default) =>
        (await tools.Write.WriteAsync(path, content, cancellationToken)).ToModelText();

    [KernelFunction("Edit")]
    [Description("Replace an exact string in a file. old_string must match exactly once (include surrounding lines to make it unique) unless replace_all is true.")]
    [ToolAccess(ToolAccess.Edit)]
    public async Task<string> EditAsync(
        [Description("File path, relative to the workspace root")] string path,
        [Description("The exact text to replace, whitespace included")] string old_string,
        [Description("The replacement text")] string new_string,
        [Description("Replace every occurrence instead of exactly one")] bool replace_all = false,
        CancellationToken cancellationToken = default) =>
        (await tools.Edit.EditAsync(path, old_string, new_string, replace_all, cancellationToken)).ToModelText();

    [KernelFunction("Glob")]
    [Description("Find files by glob pattern (**, *, ?, {a,b}), newest first. Example: **/*.sql or drizzle/**/*.ts")]
    [ToolAccess(ToolAccess.ReadOnly)]
    public async Task<string> GlobAsync(
        [Description("Glob pattern relative to the search folder")] string pattern,
        [Description("Folder to search, relative to the workspace root; omit for the root")] string? path = null,
        CancellationToken cancellationToken = default) =>
        (await tools.Glob.GlobAsync(pattern, path, cancellationToken)).ToModelText();

    [KernelFunction("Grep")]
    [Description("Search file contents with a .NET regular expression. output_mode: files (default), content (path:line:text) or count.")]
    [ToolAccess(ToolAccess.ReadOnly)]
    public async Task<string> GrepAsync(
        [Description("Regular expression")] string pattern,
        [Description("File or folder to search, relative to the workspace root")] string? path = null,
        [Description("Only files matching this glob, e.g. *.ts or **/*.sql")] string? glob = null,
        [Description("files, content or count")] string? output_mode = null,
        [Description("Ignore case")] bool case_insensitive = false,
        [Description("Lines of context around each match (content mode)")] int context_lines = 0,
        [Description("Most results to return")] int? max_results = null,
        CancellationToken cancellationToken = default)
    {
        var mode = output_mode?.Trim().ToLowerInvariant() switch
        {
            null or "" or "files" or "files_with_matches" => GrepOutputMode.FilesWithMatches,
            "content" => GrepOutputMode.Content,
            "count" => GrepOutputMode.Count,
            _ => throw new ArgumentException($"output_mode '{output_mode}' is not one of files, content, count"),
        };
        var request = new GrepRequest(pattern)
        {
            Path = path,
            Glob = glob,
            CaseInsensitive = case_insensitive,
            OutputMode = mode,
            ContextLines = context_lines,
            MaxResults = max_results,
        };
        return (await tools.Grep.GrepAsync(request, cancellationToken)).ToModelText();
    }

    [KernelFunction("Bash")]
    [Description("Run a bash command in the workspace root and return its output and exit code. Default timeout 120 s, max 600 s.")]
    [ToolAccess(ToolAccess.Execute)]
    public async Task<string> BashAsync(
        [Description("The command line to run")] string command,
        [Description("One short sentence saying what the command does, shown to the user when asking approval")] string? description = null,
        [Description("Timeout in seconds (max 600)")] int? timeout_seconds = null,
        CancellationToken cancellationToken = default)
    {
        _ = description;
        var timeout = timeout_seconds is > 0 ? TimeSpan.FromSeconds(timeout_seconds.Value) : (TimeSpan?)null;
        return (await tools.Bash.RunAsync(command, timeout, output: null, cancellationToken)).ToModelText();
    }

    public async ValueTask<ToolPreview?> PreviewAsync(string functionName, KernelArguments arguments, CancellationToken cancellationToken)
    {
        switch (functionName)
        {
            case "Write":
            {
                var preview = await tools.Write.PreviewWriteAsync(arguments.Require("path"), arguments.Require("content"), cancellationToken);
                var verb = preview.IsNewFile ? "create" : "overwrite";
                return new ToolPreview($"{verb} {preview.Path} (+{preview.Diff.AddedLines} −{preview.Diff.RemovedLines})", preview.ToModelText());
            }

            case "Edit":
            {
                var preview = await tools.Edit.PreviewEditAsync(
                    arguments.Require("path"), arguments.Require("old_string"), arguments.Require("new_string"),
                    arguments.GetBool("replace_all"), cancellationToken);
                return new ToolPreview($"edit {preview.Path} (+{preview.Diff.AddedLines} −{preview.Diff.RemovedLines})", preview.ToModelText());
            }

            case "Bash":
            {
                var command = arguments.Require("command");
                var description = arguments.GetString("description");
                return new ToolPreview(string.IsNullOrWhiteSpace(description) ? command : description, "$ " + command, command);
            }

            default:
                return null;
        }
    }
}
