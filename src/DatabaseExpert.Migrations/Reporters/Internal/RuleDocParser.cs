using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Reporters.Internal;

/// <summary>
/// Reads the parts of a rule page that reports need: the <c># </c> title, the <c>**Default severity:**</c> line, and the
/// first paragraph of <c>## Problem</c> (or, on a page without that section, the first plain paragraph).
/// </summary>
internal static partial class RuleDocParser
{
    public static RuleDoc Parse(string id, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var title = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? id;
        var severityMatch = DefaultSeverityLine().Match(markdown);
        Severity? severity = severityMatch.Success
            ? Enum.Parse<Severity>(severityMatch.Groups["severity"].Value, ignoreCase: true)
            : null;
        var problem = Array.FindIndex(lines, l => l.Trim().Equals("## Problem", StringComparison.OrdinalIgnoreCase));
        var description = FirstParagraph(lines, problem >= 0 ? problem + 1 : 0);
        return new RuleDoc(id, title, severity, FirstSentence(description), description, markdown);
    }

    /// <summary>The first run of text lines from <paramref name="start"/>, skipping headings, bold metadata lines and code.</summary>
    private static string FirstParagraph(string[] lines, int start)
    {
        var paragraph = new List<string>();
        var inCode = false;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            var isText = !inCode && line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("**", StringComparison.Ordinal);
            if (isText)
            {
                paragraph.Add(line);
            }
            else if (paragraph.Count > 0)
            {
                break;
            }
        }

        return string.Join(' ', paragraph);
    }

    private static string FirstSentence(string paragraph)
    {
        var end = SentenceEnd().Match(paragraph);
        return end.Success ? paragraph[..(end.Index + 1)] : paragraph;
    }

    [GeneratedRegex(@"\*\*Default severity:\*\*\s*(?<severity>error|warning|info)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefaultSeverityLine();

    // A full stop before a space and the start of a word ("dbx" is written in lower case): "e.g. x", "i.e. x", "vs. x"
    // and "0.31" do not end a sentence.
    [GeneratedRegex(@"(?<!\b(?:e\.g|i\.e|vs|etc|cf))\.(?=\s+[A-Za-z(`])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
