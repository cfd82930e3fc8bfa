using System.Text;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Testing.Postgres;
using Npgsql;

namespace DatabaseExpert.Postgres.Tests.Safety;

/// <summary>
/// A private copy of the shop database plus what attacks aim at: a victim table, a volatile function and a procedure
/// that delete from it, and a bystander session that must survive. <see cref="SnapshotAsync"/> renders everything an
/// attack could change, so "unchanged" is one string comparison.
/// </summary>
public sealed class SafetyDatabase : IAsyncLifetime
{
    public const string Setup = """
        create table victim (id int primary key, secret text not null);
        insert into victim values (1, 'alpha'), (2, 'bravo'), (3, 'charlie');
        create function victim_wipe() returns bigint language sql volatile as $$ delete from victim; select count(*) from victim $$;
        create procedure victim_proc() language sql as $$ delete from victim $$;
        create domain positive_int as int check (value > 0);
        """;

    private NpgsqlConnection? _bystander;
    private int _bystanderPid;

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>A target marked read-only, as agent.yaml's default is.</summary>
    public DatabaseHandle ReadOnlyHandle { get; private set; } = null!;

    /// <summary>A target that allows writes when the executor's options do.</summary>
    public DatabaseHandle WritableHandle { get; private set; } = null!;

    public string Baseline { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Database = await ShopDatabase.CreateAsync("safety");
        await Database.ExecuteAsync(Setup);
        ReadOnlyHandle = await DatabaseHandle.OpenAsync(new DatabaseTarget("test", Database.ConnectionString, ReadOnly: true));
        WritableHandle = await DatabaseHandle.OpenAsync(new DatabaseTarget("test-rw", Database.ConnectionString, ReadOnly: false));
        _bystander = await Database.OpenConnectionAsync();
        await using (var pid = new NpgsqlCommand("select pg_backend_pid()", _bystander))
        {
            _bystanderPid = (int)(await pid.ExecuteScalarAsync())!;
        }

        Baseline = await SnapshotAsync();
    }

    /// <summary>
    /// Relations with their privileges, functions, row counts, sequences, extensions, large objects, advisory locks in
    /// this database, comments, the victim's rows, whether the bystander session lives, and the two cluster-wide things
    /// attacks try (the role they create, the setting ALTER SYSTEM writes): other test classes share the cluster.
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        var counts = string.Join(", ", ShopDatabase.Tables.Append("victim").Select(t => $"'{t}=' || (select count(*) from {t})"));
        var sql = $"""
            select concat_ws(E'\n',
              'relations: ' || (select string_agg(format('%s.%s:%s:%s', n.nspname, c.relname, c.relkind, c.relacl), ',' order by n.nspname, c.relname)
                 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'),
              'functions: ' || (select string_agg(p.oid::regprocedure::text, ',' order by 1)
                 from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname not in ('pg_catalog', 'information_schema')),
              'rows: ' || concat_ws(', ', {counts}),
              'sequences: ' || (select string_agg(format('%s=%s', sequencename, last_value), ',' order by 1) from pg_sequences),
              'intruder role: ' || (select count(*) from pg_roles where rolname = 'intruder'),
              'extensions: ' || (select string_agg(extname, ',' order by 1) from pg_extension),
              'large objects: ' || (select count(*) from pg_largeobject_metadata),
              'advisory locks: ' || (select count(*) from pg_locks l join pg_database d on d.oid = l.database
                 where l.locktype = 'advisory' and d.datname = current_database()),
              'ALTER SYSTEM work_mem: ' || (select count(*) from pg_file_settings where name = 'work_mem' and sourcefile like '%postgresql.auto.conf'),
              'comments: ' || (select count(*) from pg_description),
              'victim: ' || (select string_agg(id || '=' || secret, ',' order by id) from victim),
              'bystander alive: ' || (select count(*) from pg_stat_activity where pid = {_bystanderPid}))
            """;
        var snapshot = new StringBuilder(await Database.ScalarAsync<string>(sql));
        await using (var ping = new NpgsqlCommand("select 1", _bystander))
        {
            snapshot.Append("\nbystander answers: ").Append(await ping.ExecuteScalarAsync());
        }

        return snapshot.ToString();
    }

    public async Task DisposeAsync()
    {
        if (_bystander is not null)
        {
            await _bystander.DisposeAsync();
        }

        await ReadOnlyHandle.DisposeAsync();
        await WritableHandle.DisposeAsync();
        await Database.DisposeAsync();
    }
}
