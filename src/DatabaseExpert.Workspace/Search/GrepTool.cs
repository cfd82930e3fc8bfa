using System.Text;
using System.Text.RegularExpressions;
using DatabaseExpert.Workspace.Internal;
using DatabaseExpert.Workspace.Jail;
using DatabaseExpert.Workspace.Search.Internal;

namespace DatabaseExpert.Workspace.Search;

/// <summary>Searches text files of the workspace with a regular expression, line by line.</summary>
public sealed class GrepTool
{
    private const int MaxContextLines = 50;

    private readonly WorkspaceJail _jail;
    private readonly WorkspaceToolOptions _options;
    private readonly WorkspaceWalker _walker;

    public GrepTool(WorkspaceJail jail, WorkspaceToolOptions options)
    {
        options.Validate();
        _jail = jail;
        _options = options;
        _walker = new WorkspaceWalker(jail, options.SkippedDirectories);
    }

    public Task<GrepResult> GrepAsync(GrepRequest request, CancellationToken cancellationToken = default) =>
        Task.Run(() => GrepCoreAsync(request, cancellationToken), cancellationToken);

    private async Task<GrepResult> GrepCoreAsync(GrepRequest request, CancellationToken cancellationToken)
    {
        var regex = Compile(request);
        var maxResults = request.MaxResults ?? _options.GrepDefaultMaxResults;
        if (maxResults < 1)
        {
            throw Invalid($"max_results must be at least 1, but was {maxResults}.");
        }

        if (request.ContextLines is < 0 or > MaxContextLines)
        {
            throw Invalid($"context lines must be between 0 and {MaxContextLines}, but was {request.ContextLines}.");
        }

        SearchRoot.Resolve(_jail, request.Path, out var searchPath);
        var filter = string.IsNullOrWhiteSpace(request.Glob) ? null : GlobPattern.Parse(request.Glob.Trim());
        var files = Directory.Exists(searchPath)
            ? _walker.Files(searchPath, name => filter?.Names(name) ?? false, cancellationToken)
                .Where(file => filter is null || filter.IsMatch(filter.HasDirectoryPart ? file.PathFromBase : file.Name))
                .OrderBy(file => file.RelativePath, StringComparer.Ordinal)
                .ToList()
            : [SingleFile(searchPath)];

        var search = new Search(request, regex, maxResults);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (search.Stopped)
            {
                break;
            }

            if (file.Length > _options.GrepMaxFileBytes)
            {
                search.Warnings.Add(
                    $"Skipped '{file.RelativePath}' ({Quantity.Bytes(file.Length)}): larger than Grep reads "
                    + $"({Quantity.Bytes(_options.GrepMaxFileBytes)}). Search it with Bash (grep) if needed.");
                continue;
            }

            if (await ReadTextLinesAsync(file.FullPath, cancellationToken) is { } lines)
            {
                search.Scan(file, lines, _options.GrepMaxLineLength);
            }
        }

        return search.ToResult(request.Pattern, _jail.ToRelative(searchPath));
    }

    private Regex Compile(GrepRequest request)
    {
        if (string.IsNullOrEmpty(request.Pattern))
        {
            throw Invalid("The regular expression is empty. Pass a pattern such as 'CREATE INDEX'.");
        }

        var options = RegexOptions.CultureInvariant | (request.CaseInsensitive ? RegexOptions.IgnoreCase : RegexOptions.None);
        try
        {
            return new Regex(request.Pattern, options, _options.GrepMatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw Invalid(
                $"Invalid regular expression '{request.Pattern}': {ex.Message} "
                + @"To match characters such as ( ) [ ] { } . * + ? | \ literally, escape them with a backslash.");
        }
    }

    private WalkedFile SingleFile(string fullPath)
    {
        var info = new FileInfo(fullPath);
        return new WalkedFile(_jail.ToRelative(fullPath), info.Name, fullPath, info.LastWriteTimeUtc, info.Length);
    }

    /// <summary>The file's lines, or null for a binary or unreadable file (skipped silently, as grep -I does).</summary>
    private async Task<List<string>?> ReadTextLinesAsync(string fullPath, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = BinarySniffer.OpenShared(fullPath);
            var head = new byte[(int)Math.Min(stream.Length, _options.BinarySniffBytes)];
            await stream.ReadExactlyAsync(head, cancellationToken);
            if (BinarySniffer.LooksBinary(head))
            {
                return null;
            }

            stream.Position = 0;
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var lines = new List<string>();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lines.Add(line);
            }

            return lines;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static WorkspaceToolException Invalid(string message) => new(WorkspaceErrorKind.InvalidArgument, null, message);

    /// <summary>Accumulates results across files and knows when the cap is reached.</summary>
    private sealed class Search(GrepRequest request, Regex regex, int maxResults)
    {
        private readonly List<(WalkedFile File, int Count)> _matchingFiles = [];
        private readonly List<GrepLine> _lines = [];
        private int _totalMatches;
        private int _filesSearched;
        private bool _truncated;

        public List<string> Warnings { get; } = [];

        /// <summary>Content mode stops reading once the cap is exceeded; the other modes need every file to sort.</summary>
        public bool Stopped => _truncated && request.OutputMode == GrepOutputMode.Content;

        public void Scan(WalkedFile file, List<string> lines, int maxLineLength)
        {
            _filesSearched++;
            var matches = new List<int>();
            try
            {
                for (var i = 0; i < lines.Count; i++)
                {
                    if (regex.IsMatch(lines[i]))
                    {
                        matches.Add(i);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                Warnings.Add(
                    $"The regular expression took too long on '{file.RelativePath}' and the rest of that file was skipped. "
                    + "Simplify the pattern (avoid nested quantifiers such as (a+)+).");
            }

            if (matches.Count == 0)
            {
                return;
            }

            if (request.OutputMode != GrepOutputMode.Content)
            {
                _totalMatches += matches.Count;
                _matchingFiles.Add((file, matches.Count));
                return;
            }

            var room = maxResults - _totalMatches;
            if (matches.Count > room)
            {
                _truncated = true;
                matches = matches[..room];
            }

            _totalMatches += matches.Count;
            AddWithContext(file, lines, matches, maxLineLength);
        }

        private void AddWithContext(WalkedFile file, List<string> lines, List<int> matches, int maxLineLength)
        {
            var context = request.ContextLines;
            var isMatch = matches.ToHashSet();
            var next = 0;
            foreach (var match in matches)
            {
                for (var i = Math.Max(next, match - context); i <= Math.Min(lines.Count - 1, match + context); i++)
                {
                    var text = LineText.Truncate(lines[i], maxLineLength, out _);
                    _lines.Add(new GrepLine(file.RelativePath, i + 1, text, isMatch.Contains(i)));
                    next = i + 1;
                }
            }
        }

        public GrepResult ToResult(string pattern, string searchPath)
        {
            var files = new List<string>();
            var counts = new List<GrepFileCount>();
            if (request.OutputMode == GrepOutputMode.FilesWithMatches)
            {
                files = [.. _matchingFiles
                    .OrderByDescending(m => m.File.LastWriteUtc)
                    .ThenBy(m => m.File.RelativePath, StringComparer.Ordinal)
                    .Select(m => m.File.RelativePath)];
            }
            else if (request.OutputMode == GrepOutputMode.Count)
            {
                counts = [.. _matchingFiles.Select(m => new GrepFileCount(m.File.RelativePath, m.Count))];
            }

            var truncated = _truncated || files.Count > maxResults || counts.Count > maxResults;
            return new GrepResult(
                pattern,
                searchPath,
                request.OutputMode,
                [.. files.Take(maxResults)],
                _lines,
                [.. counts.Take(maxResults)],
                _totalMatches,
                _filesSearched,
                maxResults,
                truncated,
                Warnings);
        }
    }
}
