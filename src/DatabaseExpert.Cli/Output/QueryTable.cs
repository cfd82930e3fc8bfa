using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DatabaseExpert.Postgres.Safety;

namespace DatabaseExpert.Cli.Output;

/// <summary>A query result as a plain aligned table (psql style): pipes between columns, numbers right-aligned, a count line.</summary>
public static class QueryTable
{
    /// <summary>Longer values are shortened with an ellipsis; <c>--format json</c> shows them whole.</summary>
    public const int MaxCellWidth = 80;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var shortened = false;
        if (result.Columns.Count > 0)
        {
            var cells = result.Rows.Select(row => row.Select(value => Cell(value, ref shortened)).ToArray()).ToList();
            var numeric = Enumerable.Range(0, result.Columns.Count)
                .Select(i => result.Rows.Any(row => IsNumber(row[i])) && result.Rows.All(row => row[i] is null || IsNumber(row[i]))).ToArray();
            var widths = result.Columns.Select((column, i) => cells.Select(row => row[i].Length).Prepend(column.Name.Length).Max()).ToArray();

            text.Append(string.Join(" | ", result.Columns.Select((column, i) => column.Name.PadRight(widths[i]))).TrimEnd()).Append('\n');
            text.AppendJoin("-+-", widths.Select(width => new string('-', width))).Append('\n');
            foreach (var row in cells)
            {
                text.Append(string.Join(" | ", row.Select((cell, i) => numeric[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
            }
        }

        text.Append('(').Append(result.RowCount).Append(result.RowCount == 1 ? " row" : " rows");
        if (result.Truncated)
        {
            text.Append(CultureInfo.InvariantCulture, $" shown, truncated: more rows exist; raise --max-rows (now {result.MaxRows}) or add a LIMIT");
        }

        text.Append(CultureInfo.InvariantCulture, $", {result.DurationMs:0.###} ms)\n");
        if (shortened)
        {
            text.Append(CultureInfo.InvariantCulture, $"(values longer than {MaxCellWidth} characters are shortened; --format json shows them whole)\n");
        }

        return text.ToString();
    }

    private static bool IsNumber(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    private static string Cell(JsonNode? value, ref bool shortened)
    {
        var text = value switch
        {
            null => "NULL",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => value.ToJsonString(Compact),
        };
        // One table line per row: line breaks and tabs are shown as escapes.
        text = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
        if (text.Length <= MaxCellWidth)
        {
            return text;
        }

        shortened = true;
        return string.Concat(text.AsSpan(0, MaxCellWidth - 1), "…");
    }
}
