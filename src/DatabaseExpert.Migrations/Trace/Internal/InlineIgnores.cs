using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Trace.Internal;

/// <summary>
/// <c>-- dbx-ignore rule-id[, …]</c> in the comments just before a statement silences those rules for it;
/// <c>-- dbx-ignore-file [rule-id, …]</c> anywhere silences them (or every rule) for the whole file.
/// </summary>
internal static partial class InlineIgnores
{
    public static IEnumerable<Finding> Apply(IEnumerable<Finding> findings, FileTrace file)
    {
        var fileWide = file.Statements.SelectMany(s => s.Statement.Tokens.Concat(s.Statement.LeadingComments))
            .Where(t => t.IsComment)
            .Select(t => Directive().Match(t.Text))
            .Where(m => m.Success && m.Groups["file"].Success)
            .Select(Rules)
            .ToList();
        var everything = fileWide.Any(r => r.Count == 0);
        var fileRules = fileWide.SelectMany(r => r).ToHashSet(StringComparer.Ordinal);

        return findings.Where(f => !everything && !fileRules.Contains(f.Rule) && !IgnoredAtStatement(f, file));
    }

    private static bool IgnoredAtStatement(Finding finding, FileTrace file)
    {
        var statement = file.Statements.LastOrDefault(s => s.Trace.Line <= finding.Line && finding.Line <= s.Trace.EndLine);
        return statement is not null && statement.Statement.LeadingComments
            .Select(t => Directive().Match(t.Text))
            .Any(m => m.Success && !m.Groups["file"].Success && Rules(m).Contains(finding.Rule));
    }

    private static HashSet<string> Rules(Match match) =>
        match.Groups["rules"].Value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^(?:--|/\*)\s*dbx-ignore(?<file>-file)?\b(?<rules>[^*\r\n]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();
}
