using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Config;

/// <summary>A name in an ignore comment that is not a rule id or alias.</summary>
public sealed record UnknownIgnoredRule(string Name, SqlPosition Position, string? Suggestion);

/// <summary>
/// An inline ignore: <c>-- dbx-ignore rule-id[, rule-id] [: reason]</c> (the next statement; no ids = every rule) or
/// <c>-- dbx-ignore-file [rule-ids]</c> (the whole file). Block comments work too. Ids are rule ids or aliases.
/// </summary>
/// <param name="WholeFile">From <c>dbx-ignore-file</c>.</param>
/// <param name="Rules">The rule ids it silences (aliases expanded); null for every rule.</param>
/// <param name="Position">Where the comment is.</param>
/// <param name="Unknown">Names that are not rules.</param>
public sealed record IgnoreDirective(bool WholeFile, IReadOnlySet<string>? Rules, SqlPosition Position, IReadOnlyList<UnknownIgnoredRule> Unknown)
{
    public bool Covers(string rule) => Rules is null || Rules.Contains(rule);
}

public static class IgnoreComments
{
    private const string Marker = "dbx-ignore";
    private const string FileMarker = "dbx-ignore-file";

    /// <summary>The directive in a comment token, or null when the comment is not one.</summary>
    public static IgnoreDirective? Parse(SqlToken comment)
    {
        if (!comment.IsComment)
        {
            return null;
        }

        var text = comment.Kind == SqlTokenKind.LineComment
            ? comment.Text[2..]
            : comment.Text.Length >= 4 ? comment.Text[2..^2] : string.Empty;
        var trimmed = text.TrimStart();
        var wholeFile = Starts(trimmed, FileMarker);
        if (!wholeFile && !Starts(trimmed, Marker))
        {
            return null;
        }

        var rest = trimmed[(wholeFile ? FileMarker.Length : Marker.Length)..];
        var reason = rest.IndexOf(':', StringComparison.Ordinal);
        if (reason >= 0)
        {
            rest = rest[..reason];
        }

        var names = rest.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            return new IgnoreDirective(wholeFile, null, comment.Start, []);
        }

        var rules = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<UnknownIgnoredRule>();
        foreach (var name in names)
        {
            var ids = Rules.RuleCatalog.Expand(name);
            if (ids.Count == 0)
            {
                unknown.Add(new UnknownIgnoredRule(name, comment.Start, Rules.RuleCatalog.Suggest(name)));
            }

            rules.UnionWith(ids);
        }

        return new IgnoreDirective(wholeFile, rules, comment.Start, unknown);
    }

    // The marker must be followed by the end, a space or a colon: "dbx-ignored" is not a directive.
    private static bool Starts(string text, string marker) =>
        text.StartsWith(marker, StringComparison.Ordinal) && (text.Length == marker.Length || text[marker.Length] is ' ' or '\t' or ':' or ',');
}
