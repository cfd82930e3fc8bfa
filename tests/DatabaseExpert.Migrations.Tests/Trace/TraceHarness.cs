using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Migrations.Tests.Trace;

/// <summary>Runs the tracer on a fresh database of the shared test server, committing each file like the shadow cluster does.</summary>
internal static class TraceHarness
{
    /// <summary>Two tables with rows: <c>parent(id)</c> and <c>child(id, parent_id, code varchar(10), n int, price int)</c>.</summary>
    public const string Tables = """
        CREATE TABLE parent (id int PRIMARY KEY);
        CREATE TABLE child (id int PRIMARY KEY, parent_id int, code varchar(10), n int, price int);
        """;

    public const string Rows = """
        INSERT INTO parent SELECT g FROM generate_series(1, 2000) g;
        INSERT INTO child SELECT g, 1 + g % 2000, 'c' || g % 100, g, g FROM generate_series(1, 20000) g;
        """;

    /// <summary>The folder holding DatabaseExpert.sln (for examples/ and docs/).</summary>
    public static string RepositoryRoot => DatabaseExpert.Testing.RepositoryPaths.Root;

    public static MigrationFile Migration(string name, string sql, bool inTransaction = true) =>
        new($"/migrations/{name}", name, Path.GetFileNameWithoutExtension(name), sql, MigrationFormat.PlainSql, inTransaction);

    /// <summary>History = <see cref="Tables"/>, seed = <see cref="Rows"/>, then the targets.</summary>
    public static Task<TraceResult> TraceAsync(params MigrationFile[] targets) =>
        TraceAsync(new TraceRequest { History = [Migration("0000_tables.sql", Tables)], Seed = new SeedScript("seed.sql", Rows), Targets = targets });

    /// <summary>Runs <paramref name="request"/> on a new database (its Database and Isolation are replaced), then drops it.</summary>
    public static async Task<TraceResult> TraceAsync(TraceRequest request)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync("trace");
        return await new MigrationTracer().TraceAsync(
            request with
            {
                Database = new DatabaseTarget("test", database.ConnectionString, ReadOnly: false),
                Isolation = TraceIsolation.CommitEachFile,
                AllowLocksOnDatabase = true,
            },
            CancellationToken.None);
    }

    public static StatementTrace Statement(this TraceResult result, string startsWith) =>
        result.Files.SelectMany(f => f.Statements).Single(s => s.Sql.StartsWith(startsWith, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<LockMode> LocksOn(this StatementTrace statement, string relation) =>
        statement.Locks.Where(l => l.Relation == relation).Select(l => l.Mode);

    public static IReadOnlyList<string> Rules(this TraceResult result) => [.. result.Findings.Select(f => f.Rule).Order(StringComparer.Ordinal)];

    public static Finding Finding(this TraceResult result, string rule) => result.Findings.Single(f => f.Rule == rule);

}
