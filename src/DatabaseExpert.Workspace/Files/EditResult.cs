using DatabaseExpert.Workspace.Internal;

namespace DatabaseExpert.Workspace.Files;

/// <param name="Path">The file, relative to the workspace root.</param>
/// <param name="Replacements">How many occurrences were replaced.</param>
/// <param name="Lines">1-based line where each replacement starts in the edited file.</param>
/// <param name="Bytes">Size of the file after the edit.</param>
public sealed record EditResult(string Path, int Replacements, IReadOnlyList<int> Lines, long Bytes)
{
    public string ToModelText()
    {
        var more = Lines.Count > 20 ? ", ..." : "";
        var where = Lines.Count == 1 ? $"at line {Lines[0]}" : $"at lines {string.Join(", ", Lines.Take(20))}{more}";
        return $"Edited '{Path}': replaced {Quantity.Plural(Replacements, "occurrence", "occurrences")} {where}.";
    }
}
