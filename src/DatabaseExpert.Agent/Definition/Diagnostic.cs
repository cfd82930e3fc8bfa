using System.Globalization;
using System.Text;

namespace DatabaseExpert.Agent.Definition;

/// <summary>
/// One problem found while loading an agent definition or a skill: what (<see cref="Code"/>, <see cref="Message"/>),
/// where (<see cref="File"/>, 1-based <see cref="Line"/> and <see cref="Column"/>, 0 when unknown) and how to fix it
/// (<see cref="Help"/>). Codes are stable kebab-case ids (see <see cref="DiagnosticCodes"/>).
/// </summary>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    string File,
    int Line,
    int Column,
    string? Help = null)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary><c>file:line:col: error code: message</c>, then an indented help line when there is one.</summary>
    public override string ToString() => Format(File);

    /// <summary>Like <see cref="ToString"/>, with <see cref="File"/> shown relative to <paramref name="baseDirectory"/> when inside it.</summary>
    public string ToDisplayString(string baseDirectory)
    {
        var relative = Path.GetRelativePath(baseDirectory, File);
        var inside = !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        return Format(inside ? relative : File);
    }

    private string Format(string file)
    {
        var text = new StringBuilder();
        if (file.Length > 0)
        {
            text.Append(file);
            if (Line > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $":{Line}:{Column}");
            }

            text.Append(": ");
        }

        text.Append(SeverityName(Severity)).Append(' ').Append(Code).Append(": ").Append(Message);
        if (!string.IsNullOrEmpty(Help))
        {
            text.Append('\n').Append("  help: ").Append(Help);
        }

        return text.ToString();
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
