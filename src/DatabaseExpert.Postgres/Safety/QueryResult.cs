using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DatabaseExpert.Postgres.Safety.Internal;

namespace DatabaseExpert.Postgres.Safety;

/// <summary>A result column: its name and its PostgreSQL type as the server names it (<c>integer</c>, <c>text[]</c>, <c>numeric(10,2)</c>).</summary>
public sealed record QueryColumn(string Name, string Type);

/// <summary>
/// What a statement returned through <see cref="SafeExecutor"/>: columns, rows of JSON-friendly values (at most the
/// row cap; <see cref="Truncated"/> says more existed), timing, and for writes the rows affected and whether they
/// were committed.
/// </summary>
public sealed record QueryResult(IReadOnlyList<QueryColumn> Columns, IReadOnlyList<IReadOnlyList<JsonNode?>> Rows, bool Truncated)
{
    // Readable non-ASCII text for models; quotes and control characters are still escaped, so a value stays on its line.
    private static readonly JsonSerializerOptions ModelJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int RowCount => Rows.Count;

    /// <summary>The statement's command, e.g. <c>SELECT</c>, <c>EXPLAIN ANALYZE</c>, <c>CREATE TABLE</c>.</summary>
    public required string Command { get; init; }

    public required SqlAccess Access { get; init; }

    /// <summary>Time from sending the statement to reading its last row.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The row cap that applied.</summary>
    public required int MaxRows { get; init; }

    /// <summary>Rows inserted, updated or deleted by a write; null for reads.</summary>
    public long? RowsAffected { get; init; }

    /// <summary>True only for a write that was committed; everything else was rolled back.</summary>
    public bool Committed { get; init; }

    /// <summary>The random tag of the block <see cref="ToModelText"/> wraps the rows in (new for every execution).</summary>
    public required string DataTag { get; init; }

    public double DurationMs => Math.Round(Duration.TotalMilliseconds, 3);

    /// <summary>The JSON shape of <c>dbx query --format json</c>: <c>{"columns","rows","rowCount","truncated",…}</c>.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["columns"] = new JsonArray([.. Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type })]),
            ["rows"] = new JsonArray([.. Rows.Select(row => (JsonNode)new JsonArray([.. row.Select(v => v?.DeepClone())]))]),
            ["rowCount"] = RowCount,
            ["truncated"] = Truncated,
            ["maxRows"] = MaxRows,
            ["durationMs"] = DurationMs,
            ["command"] = Command,
            ["access"] = Access.ToString().ToLowerInvariant(),
        };
        if (Access == SqlAccess.Write)
        {
            json["rowsAffected"] = RowsAffected;
            json["committed"] = Committed;
        }

        return json;
    }

    /// <summary>
    /// The compact text a model sees: a summary line, then the rows as JSON arrays inside a randomly tagged
    /// untrusted-data block preceded by a warning not to follow instructions found in it.
    /// </summary>
    public string ToModelText()
    {
        var text = new StringBuilder();
        text.Append(Command).Append(": ").Append(Plural(RowCount, "row"));
        if (Truncated)
        {
            text.Append(CultureInfo.InvariantCulture, $" (truncated: more rows exist beyond the cap of {MaxRows}; add a WHERE or LIMIT, or aggregate)");
        }

        if (Access == SqlAccess.Write)
        {
            text.Append(RowsAffected is { } affected ? $", {Plural(affected, "row")} affected" : string.Empty)
                .Append(Committed ? ", committed" : ", rolled back (not committed)");
        }

        text.Append(CultureInfo.InvariantCulture, $", {DurationMs:0.###} ms.\n");
        if (Columns.Count > 0)
        {
            text.Append("Columns: ").AppendJoin(", ", Columns.Select(c => $"{c.Name} ({c.Type})")).Append('\n');
            UntrustedData.Append(text, DataTag, Rows.Select(row => new JsonArray([.. row.Select(v => v?.DeepClone())]).ToJsonString(ModelJson)));
        }

        return text.ToString();
    }

    private static string Plural(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
