using System.Globalization;
using System.Text;
using DatabaseExpert.Workspace.Internal;

namespace DatabaseExpert.Workspace.Search;

/// <param name="Pattern">The regular expression as given.</param>
/// <param name="SearchPath">Where it was searched, relative to the workspace root.</param>
/// <param name="Mode">Which of the three lists is filled.</param>
/// <param name="Files">Files with a match (files mode), most recently modified first.</param>
/// <param name="Lines">Matching and context lines (content mode), by file then line.</param>
/// <param name="Counts">Matching lines per file (count mode), by path.</param>
/// <param name="TotalMatches">Matching lines found; in content mode, up to where the cap stopped the search.</param>
/// <param name="FilesSearched">Text files read.</param>
/// <param name="MaxResults">The cap that applied.</param>
/// <param name="Truncated">The cap left results out.</param>
/// <param name="Warnings">Files skipped for size or a regex timeout.</param>
public sealed record GrepResult(
    string Pattern,
    string SearchPath,
    GrepOutputMode Mode,
    IReadOnlyList<string> Files,
    IReadOnlyList<GrepLine> Lines,
    IReadOnlyList<GrepFileCount> Counts,
    int TotalMatches,
    int FilesSearched,
    int MaxResults,
    bool Truncated,
    IReadOnlyList<string> Warnings)
{
    public string ToModelText()
    {
        var builder = new StringBuilder();
        if (TotalMatches == 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"No matches for /{Pattern}/ in '{SearchPath}' ")
                .Append(CultureInfo.InvariantCulture, $"({Quantity.Plural(FilesSearched, "file", "files")} searched).\n");
        }

        switch (Mode)
        {
            case GrepOutputMode.FilesWithMatches:
                builder.AppendJoin("", Files.Select(file => file + "\n"));
                break;
            case GrepOutputMode.Content:
                AppendContent(builder);
                break;
            case GrepOutputMode.Count:
                builder.AppendJoin("", Counts.Select(count => $"{count.Path}:{count.Count.ToString(CultureInfo.InvariantCulture)}\n"));
                if (TotalMatches > 0)
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\n{Quantity.Plural(TotalMatches, "matching line", "matching lines")} ")
                        .Append(CultureInfo.InvariantCulture, $"in {Quantity.Plural(Counts.Count, "file", "files")}.\n");
                }

                break;
        }

        if (Truncated)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n[Results capped at {Quantity.Count(MaxResults)}. ")
                .Append("Narrow the search with path or glob, or raise max_results.]\n");
        }

        foreach (var warning in Warnings)
        {
            builder.Append("\n[warning] ").Append(warning).Append('\n');
        }

        return builder.ToString();
    }

    private void AppendContent(StringBuilder builder)
    {
        GrepLine? previous = null;
        foreach (var line in Lines)
        {
            // Like grep: '--' between groups that are not adjacent.
            if (previous is not null
                && (!string.Equals(previous.Path, line.Path, StringComparison.Ordinal) || previous.LineNumber + 1 != line.LineNumber))
            {
                builder.Append("--\n");
            }

            var separator = line.IsMatch ? ':' : '-';
            builder.Append(line.Path).Append(separator).Append(line.LineNumber.ToString(CultureInfo.InvariantCulture))
                .Append(separator).Append(line.Text).Append('\n');
            previous = line;
        }
    }
}
