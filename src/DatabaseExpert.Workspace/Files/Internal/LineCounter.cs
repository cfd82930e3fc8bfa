namespace DatabaseExpert.Workspace.Files.Internal;

internal static class LineCounter
{
    /// <summary>Lines as an editor shows them: a final line without '\n' counts, an empty text has none.</summary>
    public static int Count(string text) =>
        text.AsSpan().Count('\n') + (text.Length > 0 && text[^1] != '\n' ? 1 : 0);
}
