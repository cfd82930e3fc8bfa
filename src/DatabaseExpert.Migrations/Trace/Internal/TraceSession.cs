using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Sql;
using Npgsql;

namespace DatabaseExpert.Migrations.Trace.Internal;

/// <summary>
/// Runs migration files on one connection the way their tools would, and (when tracing) reads the catalog from the same
/// backend and transaction around every statement. Keeps its own view of the transaction state, because migrations may
/// contain BEGIN and COMMIT of their own.
/// </summary>
internal sealed class TraceSession
{
    private const string Savepoint = "dbx_trace_file";

    private readonly NpgsqlConnection _connection;
    private readonly TraceIsolation _isolation;
    private readonly int _pgMajor;
    private readonly int _commandTimeoutSeconds;
    private readonly TimeProvider _time;
    private readonly List<string> _notices = [];
    private bool _inTransaction;

    public TraceSession(NpgsqlConnection connection, TraceIsolation isolation, int pgMajor, TimeSpan? statementTimeLimit, TimeProvider time)
    {
        _connection = connection;
        _isolation = isolation;
        _pgMajor = pgMajor;
        _commandTimeoutSeconds = statementTimeLimit is { } limit ? Math.Max(1, (int)Math.Ceiling(limit.TotalSeconds)) : 0;
        _time = time;
        _connection.Notice += (_, e) => _notices.Add($"{e.Notice.Severity}: {e.Notice.MessageText}");
    }

    private bool RollsBack => _isolation == TraceIsolation.RollBackEverything;

    /// <summary>On a real database: opens the one transaction everything runs in.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (RollsBack)
        {
            await ExecuteAsync("BEGIN", cancellationToken);
            _inTransaction = true;
        }
    }

    /// <summary>On a real database: rolls everything back.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (RollsBack)
        {
            await ExecuteAsync("ROLLBACK", cancellationToken);
            _inTransaction = false;
        }
    }

    /// <summary>Runs SQL that is not a migration (ANALYZE after the seed, RESET between files).</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = _commandTimeoutSeconds };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs one file; with <paramref name="trace"/> records every statement's effects.</summary>
    public async Task<FileTrace> RunFileAsync(MigrationFile file, bool trace, CancellationToken cancellationToken)
    {
        var script = SqlScript.Parse(file.Text, file.DisplayPath);
        if (RollsBack)
        {
            await ExecuteAsync($"SAVEPOINT {Savepoint}", cancellationToken);
        }
        else if (file.RunsInTransaction)
        {
            await ExecuteAsync("BEGIN", cancellationToken);
            _inTransaction = true;
        }

        var state = trace ? await CatalogReader.ReadFullAsync(_connection, cancellationToken) : null;
        IReadOnlySet<uint> preexisting = state?.Relations.Keys.ToHashSet() ?? [];
        var fileLocks = state?.Locks ?? new HashSet<HeldLock>();
        var statements = new List<TracedStatement>();
        TraceError? error = null;

        foreach (var statement in script.Statements)
        {
            var kind = StatementKinds.Classify(statement, _pgMajor);
            var shell = Shell(statement, file.FirstLine);

            if (RollsBack && kind is StatementKind.Begin or StatementKind.Commit or StatementKind.Rollback)
            {
                statements.Add(Skipped(statement, shell, "transaction control is not run on a real database: the whole trace is one transaction that is rolled back"));
                continue;
            }

            if (kind == StatementKind.NoTransaction && _inTransaction)
            {
                if (RollsBack && !file.RunsInTransaction)
                {
                    statements.Add(Skipped(statement, shell, "it cannot run inside a transaction, and on a real database the trace is one transaction that is rolled back"));
                    continue;
                }

                // What the tool would hit: PostgreSQL refuses these inside a transaction block.
                var version = statement.StartsWith("ALTER", "TYPE") ? $" on PostgreSQL {_pgMajor}" : string.Empty;
                error = ErrorLocator.At(
                    statement, file.FirstLine, $"{statement.Keywords} cannot run inside a transaction block{version}", "25001");
                statements.Add(new TracedStatement(statement, shell with { Outcome = StatementOutcome.Failed, InTransaction = true }, null, null, fileLocks));
                await AbandonFileAsync(cancellationToken);
                break;
            }

            if (kind is StatementKind.Begin or StatementKind.Commit or StatementKind.Rollback)
            {
                var ran = await RunControlAsync(statement, shell, kind, cancellationToken);
                statements.Add(new TracedStatement(statement, ran, null, null, fileLocks));
                if (trace && kind != StatementKind.Begin)
                {
                    state = await CatalogReader.ReadFullAsync(_connection, cancellationToken);
                }

                continue;
            }

            var wrapped = trace && !_inTransaction && kind == StatementKind.Ordinary;
            if (wrapped)
            {
                // A statement on its own commits at once; wrapping it keeps its locks visible to the snapshot after it.
                await ExecuteAsync("BEGIN", cancellationToken);
                _inTransaction = true;
            }

            var before = state;
            var outcome = await ExecuteStatementAsync(statement, script.Source, file.FirstLine, cancellationToken);
            var traced = shell with
            {
                Outcome = outcome.Error is null ? StatementOutcome.Executed : StatementOutcome.Failed,
                DurationMs = outcome.Elapsed.TotalMilliseconds,
                RowsAffected = outcome.Rows,
                InTransaction = _inTransaction,
                Notices = outcome.Notices,
            };

            if (outcome.Error is not null)
            {
                error = outcome.Error;
                statements.Add(new TracedStatement(statement, traced, null, null, fileLocks));
                await AbandonFileAsync(cancellationToken);
                break;
            }

            if (trace)
            {
                CatalogState after;
                if (_inTransaction)
                {
                    var (partial, locked) = await CatalogReader.ReadLockedAsync(_connection, cancellationToken);
                    after = before!.Refresh(partial, locked);
                }
                else
                {
                    after = await CatalogReader.ReadFullAsync(_connection, cancellationToken);
                }

                traced = StatementDiff.Describe(traced, before!, after, preexisting, fileLocks);
                statements.Add(new TracedStatement(statement, traced, before, after, fileLocks));
                state = after;
            }
            else
            {
                statements.Add(new TracedStatement(statement, traced, null, null, fileLocks));
            }

            if (wrapped)
            {
                await ExecuteAsync("COMMIT", cancellationToken);
                _inTransaction = false;
                state = state!.WithoutLocks();
            }
        }

        if (error is null)
        {
            await CompleteFileAsync(cancellationToken);
        }

        return new FileTrace(file, statements, preexisting, error is null ? state : null, error is null, error);
    }

    private static StatementTrace Shell(SqlStatement statement, int firstLine) =>
        new(statement.Index, statement.Start.Line + firstLine - 1, statement.Start.Column, statement.End.Line + firstLine - 1, statement.Text, StatementOutcome.Executed);

    private static TracedStatement Skipped(SqlStatement statement, StatementTrace shell, string reason) =>
        new(statement, shell with { Outcome = StatementOutcome.Skipped, SkipReason = reason }, null, null, new HashSet<HeldLock>());

    private async Task<StatementTrace> RunControlAsync(SqlStatement statement, StatementTrace shell, StatementKind kind, CancellationToken cancellationToken)
    {
        _notices.Clear();
        var started = _time.GetTimestamp();
        await ExecuteAsync(statement.Text, cancellationToken);
        var elapsed = _time.GetElapsedTime(started);
        var wasInTransaction = _inTransaction;
        _inTransaction = kind == StatementKind.Begin;
        return shell with { DurationMs = elapsed.TotalMilliseconds, InTransaction = wasInTransaction, Notices = [.. _notices] };
    }

    private async Task<Execution> ExecuteStatementAsync(SqlStatement statement, SqlSource source, int firstLine, CancellationToken cancellationToken)
    {
        _notices.Clear();
        var started = _time.GetTimestamp();
        try
        {
            await using var command = new NpgsqlCommand(statement.Text, _connection) { CommandTimeout = _commandTimeoutSeconds };
            var rows = await command.ExecuteNonQueryAsync(cancellationToken);
            return new Execution(_time.GetElapsedTime(started), rows >= 0 ? rows : null, null, [.. _notices]);
        }
        catch (PostgresException e)
        {
            return new Execution(_time.GetElapsedTime(started), null, ErrorLocator.FromServer(e, statement, source, firstLine), [.. _notices]);
        }
        catch (NpgsqlException e) when (e.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            var error = ErrorLocator.At(
                statement, firstLine, $"cancelled by dbx after {_commandTimeoutSeconds} s (the statement time limit for this database)", "57014");
            return new Execution(_time.GetElapsedTime(started), null, error, [.. _notices]);
        }
    }

    /// <summary>A statement failed: undo the file's open work the way the tool's transaction would end.</summary>
    private async Task AbandonFileAsync(CancellationToken cancellationToken)
    {
        if (RollsBack)
        {
            await ExecuteAsync($"ROLLBACK TO SAVEPOINT {Savepoint}; RELEASE SAVEPOINT {Savepoint}", cancellationToken);
        }
        else if (_inTransaction)
        {
            await ExecuteAsync("ROLLBACK", cancellationToken);
            _inTransaction = false;
        }
    }

    private async Task CompleteFileAsync(CancellationToken cancellationToken)
    {
        if (RollsBack)
        {
            await ExecuteAsync($"RELEASE SAVEPOINT {Savepoint}", cancellationToken);
        }
        else if (_inTransaction)
        {
            await ExecuteAsync("COMMIT", cancellationToken);
            _inTransaction = false;
        }
    }

    private sealed record Execution(TimeSpan Elapsed, long? Rows, TraceError? Error, IReadOnlyList<string> Notices);
}
