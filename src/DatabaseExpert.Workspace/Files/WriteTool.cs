using DatabaseExpert.Workspace.Diff;
using DatabaseExpert.Workspace.Files.Internal;
using DatabaseExpert.Workspace.Jail;

namespace DatabaseExpert.Workspace.Files;

/// <summary>
/// Creates or replaces a whole file atomically. An existing text file keeps its encoding, byte order mark and
/// permissions; new files are UTF-8 without a byte order mark.
/// </summary>
public sealed class WriteTool
{
    private readonly WorkspaceJail _jail;
    private readonly WorkspaceToolOptions _options;

    public WriteTool(WorkspaceJail jail, WorkspaceToolOptions options)
    {
        options.Validate();
        _jail = jail;
        _options = options;
    }

    public async Task<WriteResult> WriteAsync(string path, string content, CancellationToken cancellationToken = default)
    {
        var (fullPath, exists, existing) = await LoadAsync(path, cancellationToken);
        var bytes = (existing ?? TextFile.Empty).Encode(content);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            await AtomicFileWriter.WriteAsync(fullPath, bytes, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WorkspaceToolException(
                WorkspaceErrorKind.IoError, path, $"Could not write '{path}': {ex.Message} The file was left unchanged.", ex);
        }

        return new WriteResult(_jail.ToRelative(fullPath), !exists, bytes.Length, LineCounter.Count(content));
    }

    /// <summary>The diff <see cref="WriteAsync"/> would make, without writing anything.</summary>
    public async Task<FileChangePreview> PreviewWriteAsync(string path, string content, CancellationToken cancellationToken = default)
    {
        var (fullPath, exists, existing) = await LoadAsync(path, cancellationToken);
        var relative = _jail.ToRelative(fullPath);
        if (exists && existing is null)
        {
            var binary = $"--- a/{relative}\n+++ b/{relative}\nBinary files a/{relative} and b/{relative} differ\n";
            return new FileChangePreview(relative, IsNewFile: false, new UnifiedDiff(binary, LineCounter.Count(content), 0));
        }

        var oldLabel = exists ? "a/" + relative : UnifiedDiff.NoFile;
        return new FileChangePreview(
            relative,
            !exists,
            UnifiedDiff.Create(existing?.Text ?? "", content, oldLabel, "b/" + relative, _options.DiffContextLines));
    }

    /// <summary>Resolves the target and reads its current content, which is null when it does not exist or is binary.</summary>
    private async Task<(string FullPath, bool Exists, TextFile? Existing)> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = _jail.Resolve(path, WorkspaceAccess.Write);
        if (Directory.Exists(fullPath))
        {
            throw new WorkspaceToolException(
                WorkspaceErrorKind.IsDirectory, path, $"'{path}' is a directory; Write needs a file path such as '{path}/file.ts'.");
        }

        if (!File.Exists(fullPath))
        {
            return (fullPath, false, null);
        }

        try
        {
            return (fullPath, true, await TextFile.LoadAsync(fullPath, path, _options.BinarySniffBytes, cancellationToken));
        }
        catch (WorkspaceToolException ex) when (ex.Kind == WorkspaceErrorKind.Binary)
        {
            // Replacing a binary file with text is allowed; there is just no text to keep the encoding of.
            return (fullPath, true, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WorkspaceToolException(WorkspaceErrorKind.IoError, path, $"Could not read '{path}': {ex.Message}", ex);
        }
    }
}
