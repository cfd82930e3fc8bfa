using DatabaseExpert.Workspace.Internal;

namespace DatabaseExpert.Workspace.Files;

/// <param name="Path">The file, relative to the workspace root.</param>
/// <param name="Created">The file did not exist before; otherwise it was overwritten.</param>
/// <param name="Bytes">Size written.</param>
/// <param name="Lines">Lines in the content.</param>
public sealed record WriteResult(string Path, bool Created, long Bytes, int Lines)
{
    public string ToModelText() =>
        $"{(Created ? "Created" : "Overwrote")} '{Path}' ({Quantity.Plural(Lines, "line", "lines")}, {Quantity.Bytes(Bytes)}).";
}
