using DatabaseExpert.Workspace.Diff;
using DatabaseExpert.Workspace.Files.Internal;
using DatabaseExpert.Workspace.Jail;

namespace DatabaseExpert.Workspace.Files;

/// <summary>
/// Replaces an exact string in a text file, atomically, keeping the file's line endings, encoding, byte order mark
/// and permissions.
/// </summary>
public sealed class EditTool
{
    private readonly WorkspaceJail _jail;
    private readonly WorkspaceToolOptions _options;

    public EditTool(WorkspaceJail jail, WorkspaceToolOptions options)
    {
        options.Validate();
        _jail = jail;
        _options = options;
    }

    /// <param name="path">File relative to the workspace root.</param>
    /// <param name="oldString">Exact text to replace; must occur once unless <paramref name="replaceAll"/>.</param>
    /// <param name="newString">Replacement text.</param>
    /// <param name="replaceAll">Replace every occurrence.</param>
    /// <param name="cancellationToken">Stops before the file is replaced.</param>
    public async Task<EditResult> EditAsync(
        string path, string oldString, string newString, bool replaceAll = false, CancellationToken cancellationToken = default)
    {
        var (fullPath, file, plan) = await PlanAsync(path, oldString, newString, replaceAll, cancellationToken);
        var bytes = file.Encode(plan.NewText);
        try
        {
            await AtomicFileWriter.WriteAsync(fullPath, bytes, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WorkspaceToolException(
                WorkspaceErrorKind.IoError, path, $"Could not write '{path}': {ex.Message} The file was left unchanged.", ex);
        }

        return new EditResult(_jail.ToRelative(fullPath), plan.Replacements, plan.Lines, bytes.Length);
    }

    /// <summary>The diff <see cref="EditAsync"/> would make, without writing; fails exactly when the edit would.</summary>
    public async Task<FileChangePreview> PreviewEditAsync(
        string path, string oldString, string newString, bool replaceAll = false, CancellationToken cancellationToken = default)
    {
        var (fullPath, file, plan) = await PlanAsync(path, oldString, newString, replaceAll, cancellationToken);
        var relative = _jail.ToRelative(fullPath);
        return new FileChangePreview(
            relative,
            IsNewFile: false,
            UnifiedDiff.Create(file.Text, plan.NewText, "a/" + relative, "b/" + relative, _options.DiffContextLines));
    }

    private async Task<(string FullPath, TextFile File, EditPlan Plan)> PlanAsync(
        string path, string oldString, string newString, bool replaceAll, CancellationToken cancellationToken)
    {
        var fullPath = _jail.Resolve(path, WorkspaceAccess.Write);
        if (Directory.Exists(fullPath))
        {
            throw new WorkspaceToolException(WorkspaceErrorKind.IsDirectory, path, $"'{path}' is a directory; Edit needs a file.");
        }

        if (!File.Exists(fullPath))
        {
            throw SimilarNames.NotFound(_jail, path, fullPath, "To create a new file use Write.");
        }

        TextFile file;
        try
        {
            file = await TextFile.LoadAsync(fullPath, path, _options.BinarySniffBytes, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WorkspaceToolException(WorkspaceErrorKind.IoError, path, $"Could not read '{path}': {ex.Message}", ex);
        }

        return (fullPath, file, EditPlanner.Plan(file.Text, oldString, newString, replaceAll, path));
    }
}
