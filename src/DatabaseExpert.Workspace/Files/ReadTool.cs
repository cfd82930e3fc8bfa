using System.Text;
using DatabaseExpert.Workspace.Files.Internal;
using DatabaseExpert.Workspace.Internal;
using DatabaseExpert.Workspace.Jail;

namespace DatabaseExpert.Workspace.Files;

/// <summary>Reads a text file as numbered lines, a window at a time.</summary>
public sealed class ReadTool
{
    private readonly WorkspaceJail _jail;
    private readonly WorkspaceToolOptions _options;

    public ReadTool(WorkspaceJail jail, WorkspaceToolOptions options)
    {
        options.Validate();
        _jail = jail;
        _options = options;
    }

    /// <param name="path">File relative to the workspace root.</param>
    /// <param name="offset">1-based number of the first line to return; 1 when omitted.</param>
    /// <param name="limit">Number of lines to return; the configured default when omitted.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public async Task<ReadResult> ReadAsync(
        string path, int? offset = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var fullPath = _jail.Resolve(path, WorkspaceAccess.Read);
        if (offset is < 1)
        {
            throw Invalid(path, $"offset must be a 1-based line number, but was {offset}. Use offset=1 for the start of the file.");
        }

        if (limit is < 1)
        {
            throw Invalid(path, $"limit must be a positive number of lines, but was {limit}.");
        }

        if (Directory.Exists(fullPath))
        {
            throw new WorkspaceToolException(
                WorkspaceErrorKind.IsDirectory,
                path,
                $"'{path}' is a directory, not a file. List its files with Glob (e.g. pattern '**/*' and path '{path}').");
        }

        if (!File.Exists(fullPath))
        {
            throw SimilarNames.NotFound(_jail, path, fullPath, "Check the path with Glob.");
        }

        try
        {
            return await ReadLinesAsync(path, fullPath, offset, limit, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WorkspaceToolException(WorkspaceErrorKind.IoError, path, $"Could not read '{path}': {ex.Message}", ex);
        }
    }

    private async Task<ReadResult> ReadLinesAsync(
        string path, string fullPath, int? offset, int? limit, CancellationToken cancellationToken)
    {
        await using var stream = BinarySniffer.OpenShared(fullPath);
        var size = stream.Length;
        var head = new byte[(int)Math.Min(size, _options.BinarySniffBytes)];
        await stream.ReadExactlyAsync(head, cancellationToken);
        if (BinarySniffer.LooksBinary(head))
        {
            throw new WorkspaceToolException(
                WorkspaceErrorKind.Binary,
                path,
                $"'{path}' is a binary file ({Quantity.Bytes(size)}); Read shows text files only. "
                + $"Inspect it with Bash instead (e.g. 'file {path}' or 'xxd {path} | head').");
        }

        var relative = _jail.ToRelative(fullPath);
        if (size == 0)
        {
            return new ReadResult(relative, 0, 1, [], 0, HasMore: false, TruncatedLines: 0);
        }

        var wholeFile = offset is null && limit is null;
        if (wholeFile && size > _options.ReadMaxBytes)
        {
            throw new WorkspaceToolException(
                WorkspaceErrorKind.TooLarge,
                path,
                $"'{path}' is {Quantity.Bytes(size)}, more than Read returns at once ({Quantity.Bytes(_options.ReadMaxBytes)}). "
                + $"Read a part of it with offset and limit (e.g. offset=1, limit={_options.ReadDefaultLineLimit}), "
                + "or search it with Grep.");
        }

        stream.Position = 0;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var first = offset ?? 1;
        var take = limit ?? _options.ReadDefaultLineLimit;
        var lineNumber = 0;
        var lines = new List<string>();
        var truncated = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (lineNumber < first)
            {
                continue;
            }

            if (lines.Count == take)
            {
                return new ReadResult(
                    relative, size, first, lines, await CountRestAsync(reader, lineNumber, size, cancellationToken), true, truncated);
            }

            lines.Add(LineText.Truncate(line, _options.ReadMaxLineLength, out var cut));
            truncated += cut ? 1 : 0;
        }

        if (lineNumber < first)
        {
            throw Invalid(
                path,
                $"offset {first} is past the end of '{path}', which has {Quantity.Plural(lineNumber, "line", "lines")}. "
                + "Use a smaller offset.");
        }

        return new ReadResult(relative, size, first, lines, lineNumber, HasMore: false, truncated);
    }

    /// <summary>Counting to the end is cheap for files under the size cap; for larger ones the total stays unknown.</summary>
    private async Task<int?> CountRestAsync(StreamReader reader, int linesSoFar, long size, CancellationToken cancellationToken)
    {
        if (size > _options.ReadMaxBytes)
        {
            return null;
        }

        var total = linesSoFar;
        while (await reader.ReadLineAsync(cancellationToken) is not null)
        {
            total++;
        }

        return total;
    }

    private static WorkspaceToolException Invalid(string path, string message) =>
        new(WorkspaceErrorKind.InvalidArgument, path, message);
}
