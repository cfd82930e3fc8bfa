using System.Globalization;
using DatabaseExpert.Postgres.Connections;
using Npgsql;

namespace DatabaseExpert.Postgres.Safety;

/// <summary>
/// Least-privilege check of the connected role in one catalog query: role attributes, membership in the predefined
/// roles that reach server files and programs or write all data, write privileges on any table or view (column
/// grants included), and CREATE on any schema or on the database.
/// </summary>
public static class RoleAudit
{
    // Tables listed by name in the finding; the count is always complete.
    private const int SampleSize = 5;

    private const string Sql = """
        with writable as (
            select format('%I.%I', n.nspname, c.relname) as name
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p', 'v', 'f')
              and n.nspname not in ('pg_catalog', 'information_schema')
              and n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
              and (has_table_privilege(c.oid, 'DELETE') or has_table_privilege(c.oid, 'TRUNCATE')
                   or has_any_column_privilege(c.oid, 'INSERT') or has_any_column_privilege(c.oid, 'UPDATE'))
        )
        select r.rolname, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, r.rolreplication,
               array(select m.rolname::text from pg_roles m
                     where m.rolname in ('pg_read_server_files', 'pg_write_server_files', 'pg_execute_server_program', 'pg_write_all_data')
                       and pg_has_role(r.oid, m.oid, 'MEMBER')
                     order by 1) as predefined,
               (select count(*) from writable) as writable_count,
               array(select name from writable order by name limit $1) as writable_sample,
               array(select n.nspname::text from pg_namespace n
                     where has_schema_privilege(n.oid, 'CREATE')
                       and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
                     order by 1) as create_schemas,
               has_database_privilege(current_database(), 'CREATE') as create_in_database,
               current_setting('default_transaction_read_only') = 'on' as default_read_only,
               current_setting('statement_timeout') as statement_timeout
        from pg_roles r
        where r.rolname = current_user
        """;

    public static async Task<RoleAuditResult> AuditAsync(DatabaseHandle database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await AuditAsync(connection, cancellationToken);
    }

    public static async Task<RoleAuditResult> AuditAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = SampleSize });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);

        var role = reader.GetString(0);
        var findings = new List<RoleFinding>();
        void Flag(bool condition, RoleRisk risk, string message)
        {
            if (condition)
            {
                findings.Add(new RoleFinding(risk, message));
            }
        }

        Flag(reader.GetBoolean(1), RoleRisk.Superuser, "superuser: can read and change everything, files and programs on the server included");
        Flag(reader.GetBoolean(2), RoleRisk.CreateRole, "CREATEROLE: can create roles and grant itself their rights");
        Flag(reader.GetBoolean(3), RoleRisk.CreateDatabase, "CREATEDB: can create and drop databases");
        Flag(reader.GetBoolean(4), RoleRisk.BypassRowLevelSecurity, "BYPASSRLS: reads rows that row-level security hides");
        Flag(reader.GetBoolean(5), RoleRisk.Replication, "REPLICATION: can stream the whole cluster and manage replication slots");
        foreach (var predefined in reader.GetFieldValue<string[]>(6))
        {
            Flag(true, predefined == "pg_write_all_data" ? RoleRisk.WriteAllData : RoleRisk.ServerFiles, predefined switch
            {
                "pg_write_all_data" => "member of pg_write_all_data: can change every table",
                "pg_execute_server_program" => "member of pg_execute_server_program: can run programs on the server (COPY … PROGRAM)",
                _ => $"member of {predefined}: can reach files on the server",
            });
        }

        var writable = reader.GetInt64(7);
        var sample = reader.GetFieldValue<string[]>(8);
        Flag(writable > 0, RoleRisk.TableWrites, string.Create(
            CultureInfo.InvariantCulture,
            $"INSERT/UPDATE/DELETE/TRUNCATE on {writable} table(s) or view(s): {string.Join(", ", sample)}{(writable > sample.Length ? ", …" : string.Empty)}"));
        var schemas = reader.GetFieldValue<string[]>(9);
        Flag(schemas.Length > 0, RoleRisk.SchemaCreate, $"CREATE on schema(s) {string.Join(", ", schemas)}: can create tables and functions");
        Flag(reader.GetBoolean(10), RoleRisk.DatabaseCreate, "CREATE on the database: can create schemas");
        return new RoleAuditResult(role, findings, reader.GetBoolean(11), reader.GetString(12));
    }
}
