using Npgsql;

using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Trace.Internal;

/// <summary>
/// Reads a <see cref="CatalogState"/> from the tracing backend itself, inside its own transaction, in one round trip.
/// The catalog queries only lock system catalogs, so they never show up among the user-relation locks they report.
/// </summary>
internal static class CatalogReader
{
    private const string OwnRelationLocks = """
        FROM pg_catalog.pg_locks l
        WHERE l.pid = pg_catalog.pg_backend_pid() AND l.locktype = 'relation' AND l.granted
          AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())
        """;

    private const string LocksQuery = "SELECT l.relation, l.mode " + OwnRelationLocks;

    private const string UserRelations = """
        SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
        """;

    /// <summary>Every user relation (full) or only those this backend has locked and their indexes (partial).</summary>
    private const string FullScope = "rels AS (" + UserRelations + ")";

    private const string PartialScope = "locked AS (SELECT l.relation " + OwnRelationLocks + "), rels AS (" + UserRelations
        + " AND (c.oid IN (SELECT relation FROM locked) OR c.oid IN (SELECT i.indexrelid FROM pg_catalog.pg_index i"
        + " WHERE i.indrelid IN (SELECT relation FROM locked))))";

    private const string RelationsQuery = """
        SELECT c.oid,
               CASE WHEN n.nspname = 'public' THEN pg_catalog.quote_ident(c.relname)
                    ELSE pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) END,
               c.relkind::text, c.relfilenode, c.reltuples::float8
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.oid IN (SELECT oid FROM rels)
        """;

    private const string ColumnsQuery = """
        SELECT a.attrelid, a.attnum, pg_catalog.quote_ident(a.attname), pg_catalog.format_type(a.atttypid, a.atttypmod),
               a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid)
        FROM pg_catalog.pg_attribute a
          JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
          LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f', 'm') AND a.attrelid IN (SELECT oid FROM rels)
        """;

    private const string ConstraintsQuery = """
        SELECT con.oid, con.conrelid, pg_catalog.quote_ident(con.conname), con.contype::text, con.convalidated,
               con.confrelid, con.conindid, con.conkey, pg_catalog.pg_get_constraintdef(con.oid)
        FROM pg_catalog.pg_constraint con
        WHERE con.conrelid IN (SELECT oid FROM rels)
        """;

    private const string IndexesQuery = """
        SELECT i.indexrelid, i.indrelid, i.indisvalid, i.indisready, i.indisunique, i.indkey::int2[], i.indpred IS NOT NULL,
               pg_catalog.pg_get_indexdef(i.indexrelid)
        FROM pg_catalog.pg_index i
        WHERE i.indrelid IN (SELECT oid FROM rels) OR i.indexrelid IN (SELECT oid FROM rels)
        """;

    private const string SettingsQuery =
        "SELECT pg_catalog.current_setting('lock_timeout'), pg_catalog.current_setting('statement_timeout')";

    /// <summary>Every user relation: at the start of a file, and after statements that ran outside a transaction.</summary>
    public static async Task<CatalogState> ReadFullAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await ReadAsync(connection, FullScope, cancellationToken)).State;

    /// <summary>
    /// The relations this backend holds locks on (everything its transaction touched) and their indexes; merge into the
    /// previous state with <see cref="CatalogState.Refresh"/> using the returned locked set.
    /// </summary>
    public static async Task<(CatalogState State, IReadOnlySet<uint> Locked)> ReadLockedAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await ReadAsync(connection, PartialScope, cancellationToken);

    private static async Task<(CatalogState State, IReadOnlySet<uint> Locked)> ReadAsync(
        NpgsqlConnection connection, string scope, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(LocksQuery),
                new NpgsqlBatchCommand($"WITH {scope} {RelationsQuery}"),
                new NpgsqlBatchCommand($"WITH {scope} {ColumnsQuery}"),
                new NpgsqlBatchCommand($"WITH {scope} {ConstraintsQuery}"),
                new NpgsqlBatchCommand($"WITH {scope} {IndexesQuery}"),
                new NpgsqlBatchCommand(SettingsQuery),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        var locks = new HashSet<HeldLock>();
        var locked = new HashSet<uint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var oid = reader.GetFieldValue<uint>(0);
            locked.Add(oid);
            if (LockModes.TryParse(reader.GetString(1), out var mode))
            {
                locks.Add(new HeldLock(oid, mode));
            }
        }

        await reader.NextResultAsync(cancellationToken);
        var relations = new Dictionary<uint, RelationState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var oid = reader.GetFieldValue<uint>(0);
            relations[oid] = new RelationState(
                oid, reader.GetString(1), RelationKinds.FromCode(reader.GetString(2)), reader.GetFieldValue<uint>(3), reader.GetDouble(4));
        }

        await reader.NextResultAsync(cancellationToken);
        var columns = new Dictionary<(uint, short), ColumnState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var column = new ColumnState(
                reader.GetFieldValue<uint>(0),
                reader.GetInt16(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetBoolean(4),
                reader.IsDBNull(5) ? null : reader.GetString(5));
            columns[(column.TableOid, column.Number)] = column;
        }

        await reader.NextResultAsync(cancellationToken);
        var constraints = new Dictionary<uint, ConstraintState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var constraint = new ConstraintState(
                reader.GetFieldValue<uint>(0),
                reader.GetFieldValue<uint>(1),
                reader.GetString(2),
                RelationKinds.ConstraintFromCode(reader.GetString(3)),
                reader.GetBoolean(4),
                reader.GetFieldValue<uint>(5),
                reader.GetFieldValue<uint>(6),
                reader.IsDBNull(7) ? [] : reader.GetFieldValue<short[]>(7),
                reader.GetString(8));
            constraints[constraint.Oid] = constraint;
        }

        await reader.NextResultAsync(cancellationToken);
        var indexes = new Dictionary<uint, IndexState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = new IndexState(
                reader.GetFieldValue<uint>(0),
                reader.GetFieldValue<uint>(1),
                reader.GetBoolean(2),
                reader.GetBoolean(3),
                reader.GetBoolean(4),
                reader.GetFieldValue<short[]>(5),
                reader.GetBoolean(6),
                reader.GetString(7));
            indexes[index.Oid] = index;
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var state = new CatalogState(relations, columns, constraints, indexes, locks, reader.GetString(0), reader.GetString(1));
        return (state, locked);
    }
}
