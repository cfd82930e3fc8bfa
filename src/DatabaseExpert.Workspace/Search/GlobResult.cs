using System.Text;
using DatabaseExpert.Workspace.Internal;

namespace DatabaseExpert.Workspace.Search;

/// <param name="Pattern">The glob as given.</param>
/// <param name="SearchPath">Where it was matched, relative to the workspace root.</param>
/// <param name="Files">Matching files relative to the workspace root, most recently modified first.</param>
/// <param name="TotalMatches">Matches before the cap.</param>
/// <param name="Truncated">More files matched than <paramref name="Files"/> holds.</param>
public sealed record GlobResult(string Pattern, string SearchPath, IReadOnlyList<string> Files, int TotalMatches, bool Truncated)
{
    public string ToModelText()
    {
        if (Files.Count == 0)
        {
            return $"No files match '{Pattern}' in '{SearchPath}'.";
        }

        var builder = new StringBuilder();
        foreach (var file in Files)
        {
            builder.Append(file).Append('\n');
        }

        if (Truncated)
        {
            builder.Append($"\n[Showing the {Quantity.Count(Files.Count)} most recently modified of {Quantity.Count(TotalMatches)} ")
                .Append("matching files. Narrow the pattern or the path to see the others.]\n");
        }

        return builder.ToString();
    }
}
