using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using DatabaseExpert.Cli.Output;
using DatabaseExpert.Postgres.Catalog;
using DatabaseExpert.Postgres.Connections;
using Npgsql;

namespace DatabaseExpert.Cli.Commands;

/// <summary>
/// <c>dbx schema</c>: the database's schema from pg_catalog as a readable listing, JSON, or a replayable SQL script.
/// Exit 2 for an unknown schema or a table pattern that matches nothing, 3 when the database fails.
/// </summary>
public static class SchemaCommand
{
    /// <summary>Absent rather than null: a column has a dozen optional properties, and thousands of tables make that add up.</summary>
    private static readonly JsonSerializerOptions Json = new(OutputFormats.Json)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = CatalogJsonContext.Default,
    };

    private enum SchemaFormat
    {
        Text,
        Json,
        Sql,
    }

    public static Command Create(CliHost host)
    {
        var format = new Option<SchemaFormat>("--format")
        {
            Description = "Output format: text (a listing per table), json, or sql (DDL that recreates the schema in an empty database)",
            DefaultValueFactory = _ => SchemaFormat.Text,
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 0 ? "text" : result.Tokens[0].Value;
                if (Enum.TryParse<SchemaFormat>(token, ignoreCase: true, out var parsed) && !token.All(char.IsAsciiDigit))
                {
                    return parsed;
                }

                result.AddError($"--format '{token}' is not supported by schema; use text, json or sql");
                return SchemaFormat.Text;
            },
        };
        var schemas = new Option<string[]>("--schema")
        {
            Description = "Only these schemas (repeatable; exact, case-sensitive names). Default: every non-system schema",
            AllowMultipleArgumentsPerToken = true,
        };
        var excludeSchemas = new Option<string[]>("--exclude-schema")
        {
            Description = "Leave these schemas out (repeatable)",
            AllowMultipleArgumentsPerToken = true,
        };
        var tables = new Option<string[]>("--table")
        {
            Description = "Only tables and views whose name or schema.name matches (repeatable; * and ? wildcards, case-sensitive)",
            AllowMultipleArgumentsPerToken = true,
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "statement_timeout in seconds for each catalog query",
            DefaultValueFactory = _ => 30,
        };
        var command = new Command("schema", "Show the database schema from pg_catalog: tables, columns, keys, indexes, views, types, sequences")
        {
            format, schemas, excludeSchemas, tables, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(timeout);
            if (seconds is < 1 or > 3600)
            {
                throw new CliException($"--timeout {seconds} is out of range; use 1..3600 seconds");
            }

            var options = new CatalogOptions
            {
                Schemas = parse.GetValue(schemas) ?? [],
                ExcludeSchemas = parse.GetValue(excludeSchemas) ?? [],
                Tables = parse.GetValue(tables) ?? [],
                StatementTimeout = TimeSpan.FromSeconds(seconds),
            };
            await using var database = await DatabaseOption.OpenAsync(host, parse, cancellationToken);
            var snapshot = await ReadAsync(database, options, cancellationToken);
            await host.Out.WriteAsync(parse.GetValue(format) switch
            {
                SchemaFormat.Json => JsonSerializer.Serialize(snapshot, Json) + "\n",
                SchemaFormat.Sql => snapshot.ToDdl(),
                _ => snapshot.ToModelText(),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<CatalogSnapshot> ReadAsync(DatabaseHandle database, CatalogOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await CatalogReader.ReadAsync(database, options, cancellationToken);
        }
        catch (CatalogException ex)
        {
            throw new CliException(ex.Message, ex.Kind == CatalogErrorKind.InvalidRequest ? ExitCodes.Usage : ExitCodes.Runtime);
        }
        catch (NpgsqlException ex)
        {
            throw new CliException(
                $"reading the schema of {database.Target.Display} failed: {ConnectionStrings.Redact(ex.Message.ReplaceLineEndings(" "))}", ExitCodes.Runtime);
        }
    }
}
