namespace DatabaseExpert.Workspace.Internal;

/// <summary>Cuts overlong lines (minified bundles, dumps) so one line cannot flood the model's context.</summary>
internal static class LineText
{
    public static string Truncate(string line, int maxLength, out bool truncated)
    {
        truncated = line.Length > maxLength;
        if (!truncated)
        {
            return line;
        }

        var cut = char.IsHighSurrogate(line[maxLength - 1]) ? maxLength - 1 : maxLength;
        return $"{line[..cut]} [... line truncated, {Quantity.Count(line.Length - cut)} more characters]";
    }
}
