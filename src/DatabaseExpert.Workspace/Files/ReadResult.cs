using System.Globalization;
using System.Text;
using DatabaseExpert.Workspace.Internal;

namespace DatabaseExpert.Workspace.Files;

/// <summary>A window of lines of a text file.</summary>
/// <param name="Path">The file, relative to the workspace root.</param>
/// <param name="SizeBytes">Size of the whole file.</param>
/// <param name="FirstLine">1-based number of the first line in <paramref name="Lines"/>.</param>
/// <param name="Lines">The lines shown, without line terminators; overlong lines already cut with a marker.</param>
/// <param name="TotalLines">Lines in the whole file, when the file was read to its end.</param>
/// <param name="HasMore">Lines follow the last one shown.</param>
/// <param name="TruncatedLines">How many of the shown lines were cut.</param>
public sealed record ReadResult(
    string Path,
    long SizeBytes,
    int FirstLine,
    IReadOnlyList<string> Lines,
    int? TotalLines,
    bool HasMore,
    int TruncatedLines)
{
    public bool IsEmpty => SizeBytes == 0;

    public int LastLine => FirstLine + Lines.Count - 1;

    /// <summary>The lines numbered like <c>cat -n</c> (right-aligned number, tab, text), then notes.</summary>
    public string ToModelText()
    {
        if (IsEmpty)
        {
            return $"File '{Path}' exists but is empty (0 bytes).";
        }

        var builder = new StringBuilder();
        for (var i = 0; i < Lines.Count; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{FirstLine + i,6}\t{Lines[i]}\n");
        }

        if (HasMore)
        {
            var of = TotalLines is { } total ? $" of {Quantity.Count(total)}" : "";
            builder.Append(CultureInfo.InvariantCulture, $"\n[Showing lines {FirstLine}-{LastLine}{of}. ")
                .Append(CultureInfo.InvariantCulture, $"Read more with offset={LastLine + 1}.]\n");
        }

        if (TruncatedLines > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n[{Quantity.Plural(TruncatedLines, "line was", "lines were")} cut; ")
                .Append("use Grep or Bash to see them whole.]\n");
        }

        return builder.ToString();
    }
}
