using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace DatabaseExpert.Postgres.Safety.Internal;

/// <summary>Sends one statement as one extended-protocol message and reads at most the row cap, values in text form.</summary>
internal static class StatementRunner
{
    public static async Task<(QueryColumn[] Columns, List<IReadOnlyList<JsonNode?>> Rows, bool Truncated, long? Affected)> RunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, int maxRows, TimeSpan clientTimeout, bool write,
        CancellationToken cancellationToken)
    {
        // One positional parameter makes Npgsql send the text as it is, as one Parse message: without parameters Npgsql
        // would split it at semicolons itself. The server then refuses a second statement ("cannot insert multiple
        // commands into a prepared statement"). Queries use the parameter as their row cap; other statements only
        // declare it, which PostgreSQL accepts.
        await using var command = new NpgsqlCommand(sql, connection, transaction)
        {
            AllResultTypesAreUnknown = true,
            CommandTimeout = (int)Math.Ceiling(clientTimeout.TotalSeconds),
        };
        command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = maxRows + 1L });

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new QueryColumn[reader.FieldCount];
        var types = new Npgsql.PostgresTypes.PostgresType[reader.FieldCount];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = new QueryColumn(reader.GetName(i), reader.GetDataTypeName(i));
            types[i] = reader.GetPostgresType(i);
        }

        var rows = new List<IReadOnlyList<JsonNode?>>(Math.Min(maxRows, 1024));
        var truncated = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows.Count == maxRows)
            {
                truncated = true;
                break;
            }

            var row = new JsonNode?[columns.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : ResultValues.Convert(reader.GetString(i), types[i]);
            }

            rows.Add(row);
        }

        await reader.CloseAsync();
        long? affected = write && reader.RecordsAffected >= 0 ? reader.RecordsAffected : null;
        return (columns, rows, truncated, affected);
    }
}
