using System.Security.Cryptography;
using System.Text;
using DatabaseExpert.Postgres.Advisor.Internal.Candidates;

namespace DatabaseExpert.Postgres.Advisor.Internal.Output;

/// <summary>
/// Names in PostgreSQL's own style (<c>table_col1_col2_idx</c>; INCLUDE columns and a partial predicate's words
/// too, so a partial index does not look like the full one), at most 63 bytes (NAMEDATALEN − 1) and not taken by
/// any relation of the schema. Same database, same workload, same names.
/// </summary>
internal static class IndexNaming
{
    public const int MaxBytes = 63;
    private const string Suffix = "idx";

    /// <param name="candidate">The index to name.</param>
    /// <param name="taken">Schema-qualified names already in use (<c>schema.name</c>); the chosen name is added.</param>
    public static string Choose(IndexCandidate candidate, ISet<string> taken)
    {
        var words = new[] { candidate.Table.Name }
            .Concat(candidate.Keys.Select(k => k.Column))
            .Concat(candidate.Include)
            .Concat(candidate.Predicate?.NameWords ?? []);
        var stem = Sanitize(string.Join('_', words));
        if (Encoding.UTF8.GetByteCount($"{stem}_{Suffix}") > MaxBytes)
        {
            // Too long: keep the start, and a hash of the whole definition keeps two long names apart.
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(candidate.Id)))[..8];
            stem = $"{stem[..(MaxBytes - Suffix.Length - hash.Length - 2)].TrimEnd('_')}_{hash}";
        }

        for (var attempt = 0; ; attempt++)
        {
            var ending = attempt == 0 ? Suffix : $"{Suffix}{attempt}";
            var name = $"{stem[..Math.Min(stem.Length, MaxBytes - ending.Length - 1)].TrimEnd('_')}_{ending}";
            if (taken.Add($"{candidate.Table.Schema}.{name}"))
            {
                return name;
            }
        }
    }

    /// <summary>Lower-case ASCII letters, digits and single underscores: a name that needs no quoting in most cases.</summary>
    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterOrDigit(c) ? c : '_';
            if (keep != '_' || (builder.Length > 0 && builder[^1] != '_'))
            {
                builder.Append(keep);
            }
        }

        var name = builder.ToString().Trim('_');
        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "i_" + name : name;
    }
}
