namespace DatabaseExpert.Migrations.Reporters.Internal;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>) with the runner's escaping: in the message
/// <c>%</c>, CR and LF; in property values also <c>:</c> and <c>,</c>, which would otherwise end the value.
/// </summary>
internal static class WorkflowCommand
{
    public static string Format(string command, IEnumerable<(string Key, string? Value)> properties, string message)
    {
        var props = string.Join(',', properties.Where(p => p.Value is not null).Select(p => $"{p.Key}={EscapeProperty(p.Value!)}"));
        return $"::{command}{(props.Length > 0 ? " " + props : "")}::{EscapeData(message)}";
    }

    public static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string text) =>
        EscapeData(text)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
