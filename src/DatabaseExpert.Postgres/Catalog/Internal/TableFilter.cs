using System.Text;
using System.Text.RegularExpressions;

namespace DatabaseExpert.Postgres.Catalog.Internal;

/// <summary>Glob patterns (<c>*</c>, <c>?</c>) matched against a relation's name or its <c>schema.name</c>.</summary>
internal sealed class TableFilter
{
    private readonly Regex[] _patterns;

    private TableFilter(Regex[] patterns) => _patterns = patterns;

    /// <summary>Null when there are no patterns (everything matches).</summary>
    public static TableFilter? Create(IReadOnlyList<string> patterns) =>
        patterns.Count == 0 ? null : new TableFilter([.. patterns.Select(ToRegex)]);

    public bool Matches(string schema, string name) =>
        _patterns.Any(p => p.IsMatch(name) || p.IsMatch($"{schema}.{name}"));

    private static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        foreach (var c in glob)
        {
            pattern.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }
}
