using System.Globalization;
using System.Text;

namespace DatabaseExpert.Benchmarks.Lint;

/// <summary>
/// Writes a reproducible corpus of real-world-like migrations (same seed, same files): DDL of every kind the rules read,
/// Drizzle breakpoints, functions with dollar-quoted bodies full of semicolons, BEGIN ATOMIC bodies, DO blocks, COPY,
/// psql meta-commands, nested comments between tokens, E'' strings, quoted and Unicode identifiers, transactions,
/// backfills, and the occasional broken statement. Shared by the lint robustness test and the lint benchmarks.
/// </summary>
public sealed class MigrationCorpus(int seed)
{
    private static readonly string[] Words = ["orders", "customers", "invoices", "items", "events", "users", "accounts", "payments", "coupons", "tags"];
    private static readonly string[] Types =
    [
        "integer", "bigint", "int4", "smallint", "text", "varchar(255)", "character varying(32)", "char(2)", "numeric(12, 2)", "boolean",
        "timestamp", "timestamp with time zone", "timestamptz(3)", "date", "uuid", "jsonb", "json", "text[]", "double precision", "bytea",
    ];

    private static readonly string[] Defaults = ["0", "'x'", "now()", "gen_random_uuid()", "true", "'{}'::text[]", "clock_timestamp()", "make_code()", "CURRENT_TIMESTAMP"];

    private readonly Random _random = new(seed);
    private int _counter;

    /// <summary>Writes <paramref name="files"/> migration files into <paramref name="folder"/>; returns how many statements they hold (about).</summary>
    public int Write(string folder, int files)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        var statements = 0;
        for (var i = 0; i < files; i++)
        {
            var (text, count) = Migration();
            File.WriteAllText(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{i:00000}_{Pick(Words)}.sql")), text);
            statements += count;
        }

        return statements;
    }

    /// <summary>One migration's text and its statement count.</summary>
    public (string Text, int Statements) Migration()
    {
        var text = new StringBuilder();
        var count = _random.Next(3, 16);
        var drizzle = _random.Next(3) == 0;
        if (_random.Next(4) == 0)
        {
            text.Append("-- Migration generated for the lint corpus\n/* header /* nested */ still a comment */\n");
        }

        if (_random.Next(6) == 0)
        {
            text.Append("\\set ON_ERROR_STOP on\n");
        }

        for (var i = 0; i < count; i++)
        {
            text.Append(Statement());
            text.Append(drizzle ? ";--> statement-breakpoint\n" : ";\n");
        }

        if (_random.Next(200) == 0)
        {
            text.Append("SELECT 'this string never ends\n");
        }

        return (text.ToString(), count);
    }

    private string Statement()
    {
        var table = Table();
        var column = Column();
        return _random.Next(34) switch
        {
            0 or 1 => CreateTable(table),
            2 => $"CREATE {Maybe("UNIQUE ")}INDEX {Maybe("CONCURRENTLY ")}{Maybe("IF NOT EXISTS ")}{table}_{column}_idx ON {table} USING btree ({column}{Maybe(" DESC")})",
            3 => $"ALTER TABLE {table} ADD COLUMN {Maybe("IF NOT EXISTS ")}{column} {Pick(Types)}{Maybe(" NOT NULL")}{Maybe($" DEFAULT {Pick(Defaults)}")}",
            4 => $"ALTER TABLE \"{table}\" ALTER COLUMN \"{column}\" SET DATA TYPE {Pick(Types)}{Maybe($" USING {column}::text")}",
            5 => $"ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL",
            6 => $"ALTER TABLE {table} ADD CONSTRAINT {table}_{column}_fk FOREIGN KEY ({column}) REFERENCES {Table()} (id) ON DELETE CASCADE{Maybe(" NOT VALID")}",
            7 => $"ALTER TABLE {table} ADD CONSTRAINT {table}_{column}_check CHECK ({column} IS NOT NULL){Maybe(" NOT VALID")}",
            8 => $"ALTER TABLE {table} VALIDATE CONSTRAINT {table}_{column}_check",
            9 => $"ALTER TABLE {table} ADD CONSTRAINT {table}_{column}_key UNIQUE{Maybe(" USING INDEX " + table + "_idx", " (" + column + ")")}",
            10 => $"ALTER TABLE {table} RENAME COLUMN {column} TO {Column()}",
            11 => $"ALTER TABLE {table} DROP COLUMN {Maybe("IF EXISTS ")}{column}",
            12 => $"DROP INDEX {Maybe("CONCURRENTLY ")}{Maybe("IF EXISTS ")}{table}_{column}_idx",
            13 => $"CREATE TYPE {table}_status AS ENUM ('new', 'it''s done', E'esc\\'aped')",
            14 => $"ALTER TYPE {table}_status ADD VALUE {Maybe("IF NOT EXISTS ")}'v{Next()}'{Maybe(" BEFORE 'new'")}",
            15 => Function(table),
            16 => "DO $do$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'x') THEN\n    EXECUTE 'CREATE TABLE x (a int); SELECT 1';\n  END IF;\nEND\n$do$",
            17 => $"SET {Maybe("LOCAL ")}lock_timeout = '{_random.Next(0, 10)}s'",
            18 => Maybe("BEGIN", "COMMIT"),
            19 => $"UPDATE {table} SET {column} = {column} || E'\\n;' WHERE id IN (SELECT id FROM {table} /* ; */ LIMIT 1000)",
            20 => $"COPY {table} ({column}) FROM STDIN WITH (FORMAT csv)",
            21 => $"CREATE FUNCTION {table}_total(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT a + 1;\n  SELECT CASE WHEN a > 0 THEN a ELSE 0 END;\nEND",
            22 => $"ALTER TABLE {table} ADD COLUMN \"{column}_ü\" text /* inline ; comment */ DEFAULT E'it\\'s'",
            23 => $"CREATE TABLE U&\"d\\0061t\\+000061\" (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v varchar(10) COLLATE \"C\")",
            24 => $"VACUUM {Maybe("FULL ")}{table}",
            25 => $"TRUNCATE {table}{Maybe(" CASCADE")}",
            26 => $"REINDEX {Maybe("(VERBOSE) ")}TABLE {Maybe("CONCURRENTLY ")}{table}",
            27 => $"ALTER TABLE {table} ADD COLUMN {column} bigserial, ADD COLUMN {Column()} numeric GENERATED ALWAYS AS (1 + 1) STORED",
            28 => $"INSERT INTO {table} (id, payload) VALUES (1, '{{\"a\": \"b;c\"}}'::jsonb), (2, $${{\"x\": 1}}$$)",
            29 => $"ALTER TABLE {table}\n  -- a comment between actions\n  ADD COLUMN {column} int,\n  ALTER COLUMN {Column()} DROP DEFAULT,\n  DROP CONSTRAINT IF EXISTS {table}_old",
            30 => $"ALTER TABLE {table} ADD {Maybe("", "COLUMN ")}{Column()} @@@ weird syntax here",
            31 => $"GRANT SELECT ON {table} TO reporting",
            32 => $"CREATE VIEW {table}_v AS SELECT * FROM {table} WHERE {column} IS NOT NULL",
            _ => $"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE",
        };
    }

    private string CreateTable(string table)
    {
        var columns = new List<string> { Maybe("id serial PRIMARY KEY NOT NULL", "\"id\" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY") };
        var count = _random.Next(1, 8);
        for (var i = 0; i < count; i++)
        {
            columns.Add($"\"{Column()}\" {Pick(Types)}{Maybe(" NOT NULL")}{Maybe($" DEFAULT {Pick(Defaults)}")}{Maybe($" REFERENCES {Table()} (id)")}");
        }

        if (_random.Next(3) == 0)
        {
            columns.Add($"CONSTRAINT {table}_u UNIQUE NULLS NOT DISTINCT (\"{Column()}\")");
        }

        return $"CREATE TABLE {Maybe("IF NOT EXISTS ")}\"public\".\"{table}\" (\n\t{string.Join(",\n\t", columns)}\n)";
    }

    private string Function(string table) =>
        $"CREATE OR REPLACE FUNCTION {table}_touch() RETURNS trigger LANGUAGE plpgsql {Maybe("STABLE ")}AS $fn$\n"
        + "BEGIN\n  NEW.updated_at := now(); -- semicolons; everywhere;\n  RAISE NOTICE 'it''s $$ not the end';\n  RETURN NEW;\nEND;\n$fn$";

    private string Table() => Pick(Words) + (_random.Next(3) == 0 ? string.Empty : Next().ToString(CultureInfo.InvariantCulture));

    private string Column() => Pick(["status", "total_cents", "customer_id", "note", "created_at", "email", "amount", "code", "kind", "payload"]);

    private int Next() => ++_counter % 50;

    private string Maybe(string text, string otherwise = "") => _random.Next(2) == 0 ? text : otherwise;

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
