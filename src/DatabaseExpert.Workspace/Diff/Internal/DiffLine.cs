namespace DatabaseExpert.Workspace.Diff.Internal;

/// <summary>A line without its '\n'; the last line of a text may lack one, which a diff must show.</summary>
internal readonly record struct DiffLine(string Content, bool HasNewline)
{
    public static List<DiffLine> Split(string text)
    {
        var lines = new List<DiffLine>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                lines.Add(new DiffLine(text[start..], HasNewline: false));
                break;
            }

            lines.Add(new DiffLine(text[start..end], HasNewline: true));
            start = end + 1;
        }

        return lines;
    }
}
