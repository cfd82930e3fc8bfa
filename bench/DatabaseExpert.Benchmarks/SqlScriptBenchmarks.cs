using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Benchmarks;

/// <summary>
/// Lexing and splitting 1,000 migration files held in memory (the budget of issue 4: lint 1,000 files in 2 s, process
/// start included). Each file mixes what real migrations hold: DDL, comments, a dollar-quoted function, E-strings,
/// a BEGIN ATOMIC body and a psql meta-command.
/// </summary>
[MemoryDiagnoser]
public class SqlScriptBenchmarks
{
    private string[] _files = [];

    [GlobalSetup]
    public void Generate() => _files = [.. Enumerable.Range(1, 1000).Select(Migration)];

    [Benchmark]
    public int Parse1000Files()
    {
        var statements = 0;
        foreach (var file in _files)
        {
            statements += SqlScript.Parse(file).Statements.Count;
        }

        return statements;
    }

    private static string Migration(int n)
    {
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            -- migration {n}: orders and audit
            \set ON_ERROR_STOP on
            SET lock_timeout = '5s';
            CREATE TABLE orders_{n} (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid')),
                note text DEFAULT E'it\'s; fine',
                created_at timestamptz NOT NULL DEFAULT now()
            );
            /* indexes /* nested */ follow */
            CREATE INDEX CONCURRENTLY orders_{n}_customer_idx ON orders_{n} (customer_id, created_at DESC);
            CREATE FUNCTION audit_{n}() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                INSERT INTO audit (tbl, op, at) VALUES (TG_TABLE_NAME, TG_OP, now());
                RETURN NEW;
            END
            $fn$;
            CREATE FUNCTION total_{n}(c bigint) RETURNS bigint LANGUAGE sql
            BEGIN ATOMIC
                SELECT CASE WHEN count(*) > 0 THEN sum(total_cents) END FROM orders_{n} WHERE customer_id = c;
            END;
            ALTER TABLE orders_{n} ADD CONSTRAINT orders_{n}_total_check CHECK (id > 0) NOT VALID;
            ALTER TABLE orders_{n} VALIDATE CONSTRAINT orders_{n}_total_check;
            COMMENT ON TABLE orders_{n} IS 'Orders; one row per checkout';
            INSERT INTO settings (key, value) VALUES ('v{n}', '[1, 2]'::jsonb) ON CONFLICT DO NOTHING;

            """);
        return sql.ToString();
    }
}
