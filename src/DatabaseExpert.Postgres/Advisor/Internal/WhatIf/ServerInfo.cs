using Npgsql;

namespace DatabaseExpert.Postgres.Advisor.Internal.WhatIf;

/// <summary>The server facts the advisor depends on: version, database, and where hypopg and pg_stat_statements live.</summary>
/// <param name="VersionNumber"><c>server_version_num</c>, e.g. 150018.</param>
/// <param name="Database">The current database.</param>
/// <param name="HypoPgSchema">Schema of the created hypopg extension (it is relocatable), or null when not created.</param>
/// <param name="HypoPgAvailable">Whether the server has the hypopg package (pg_available_extensions).</param>
/// <param name="StatStatementsSchema">Schema of the created pg_stat_statements extension, or null.</param>
/// <param name="StatStatementsAvailable">Whether the server has pg_stat_statements.</param>
internal sealed record ServerInfo(
    int VersionNumber,
    string Database,
    string? HypoPgSchema,
    bool HypoPgAvailable,
    string? StatStatementsSchema,
    bool StatStatementsAvailable)
{
    public int MajorVersion => VersionNumber / 10000;

    public static async Task<ServerInfo> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string Sql = """
            select current_setting('server_version_num')::int, current_database(),
                   (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'hypopg'),
                   exists (select from pg_available_extensions where name = 'hypopg'),
                   (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_stat_statements'),
                   exists (select from pg_available_extensions where name = 'pg_stat_statements')
            """;
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ServerInfo(
            reader.GetInt32(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetBoolean(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetBoolean(5));
    }

    /// <summary>Throws the documented error when hypopg cannot be used in this database.</summary>
    public void RequireHypoPg()
    {
        if (VersionNumber < 120000)
        {
            throw new AdvisorException(
                AdvisorErrorKind.UnsupportedServer,
                $"the index advisor needs PostgreSQL 12 or newer (generic plans via plan_cache_mode); this server is {MajorVersion}");
        }

        if (HypoPgSchema is not null)
        {
            return;
        }

        if (HypoPgAvailable)
        {
            throw new AdvisorException(
                AdvisorErrorKind.HypoPgNotCreated,
                $"hypopg is installed on the server but not created in database \"{Database}\": run CREATE EXTENSION hypopg; there "
                + "(needs the CREATE privilege on the database; hypopg keeps hypothetical indexes in session memory and writes nothing)");
        }

        throw new AdvisorException(
            AdvisorErrorKind.HypoPgNotInstalled,
            $"hypopg is not installed on this PostgreSQL {MajorVersion} server, and the index advisor needs it to cost hypothetical indexes: "
            + $"install it (Debian/Ubuntu: apt-get install postgresql-{MajorVersion}-hypopg; elsewhere build it from https://github.com/HypoPG/hypopg; "
            + $"managed services: see the provider's extension list), then run CREATE EXTENSION hypopg; in database \"{Database}\"");
    }
}
