using DatabaseExpert.Postgres.Advisor.Internal.Candidates;
using Npgsql;

namespace DatabaseExpert.Postgres.Advisor.Internal.Output;

/// <summary>
/// Writes the CREATE INDEX statements users will run, quoting names exactly as the server's <c>quote_ident</c> does
/// (only where needed), and leaving the schema out for <c>public</c>.
/// </summary>
internal sealed class DefinitionBuilder
{
    private readonly Dictionary<string, string> _quoted;

    private DefinitionBuilder(Dictionary<string, string> quoted) => _quoted = quoted;

    public static async Task<DefinitionBuilder> LoadAsync(NpgsqlConnection connection, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var quoted = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT n, quote_ident(n) FROM unnest(@names::text[]) n", connection);
        command.Parameters.AddWithValue("names", names.Distinct(StringComparer.Ordinal).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            quoted[reader.GetString(0)] = reader.GetString(1);
        }

        return new DefinitionBuilder(quoted);
    }

    /// <summary>Every name a definition of <paramref name="candidate"/> needs quoted.</summary>
    public static IEnumerable<string> NamesOf(IndexCandidate candidate, string indexName) =>
        new[] { indexName, candidate.Table.Schema, candidate.Table.Name }
            .Concat(candidate.Keys.Select(k => k.Column))
            .Concat(candidate.Include)
            .Concat(candidate.Predicate is { } p ? [p.Column] : []);

    /// <summary><c>CREATE INDEX [CONCURRENTLY] name ON table USING btree (…) [INCLUDE (…)] [WHERE …]</c>.</summary>
    public string Create(IndexCandidate candidate, string indexName, bool concurrently)
    {
        var table = candidate.Table.Schema == "public" ? Quote(candidate.Table.Name) : $"{Quote(candidate.Table.Schema)}.{Quote(candidate.Table.Name)}";
        var sql = $"CREATE INDEX {(concurrently ? "CONCURRENTLY " : string.Empty)}{Quote(indexName)} ON {table} USING btree "
                  + $"({string.Join(", ", candidate.Keys.Select(k => Quote(k.Column) + k.OrderSql))})";
        if (candidate.Include.Count > 0)
        {
            sql += $" INCLUDE ({string.Join(", ", candidate.Include.Select(Quote))})";
        }

        return candidate.Predicate is null ? sql : $"{sql} WHERE {Where(candidate)}";
    }

    public string? Where(IndexCandidate candidate) => candidate.Predicate?.ToSql(Quote);

    private string Quote(string name) => _quoted[name];
}
