using System.Globalization;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Safety.Internal;
using DatabaseExpert.Postgres.Sql;
using Npgsql;

namespace DatabaseExpert.Postgres.Safety;

/// <summary>
/// The only way SQL from a user or an agent reaches a database. Every call:
/// <list type="number">
/// <item>classifies the text (<see cref="SqlClassifier"/>) and refuses, before any connection, anything that is not
/// exactly one allowed statement;</item>
/// <item>opens a transaction (<c>READ ONLY</c> for reads) with <c>SET LOCAL</c> statement, lock and
/// idle-in-transaction timeouts;</item>
/// <item>sends the statement alone through the extended protocol (Parse/Bind/Execute, which the server refuses for
/// more than one statement), asking for text results so that every type converts;</item>
/// <item>reads at most the row cap (queries are wrapped in <c>LIMIT cap+1</c> so the server stops early);</item>
/// <item>rolls back, unless the statement is a write, writes are allowed, and the request asks to commit.</item>
/// </list>
/// </summary>
public sealed class SafeExecutor
{
    // Queries are capped on the server: the wrapper keeps the caller's ordering (a subquery with ORDER BY is not flattened).
    private const string WrapPrefix = "SELECT * FROM (\n";
    private const string WrapSuffix = "\n) AS dbx_query LIMIT $1";

    // The client-side timeout only catches a silent server: the server's statement_timeout must fire first.
    private static readonly TimeSpan ClientTimeoutMargin = TimeSpan.FromSeconds(10);

    private readonly DatabaseHandle _database;
    private readonly TimeProvider _time;

    public SafeExecutor(DatabaseHandle database, SafeExecutorOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        Options = options ?? new SafeExecutorOptions();
        Options.Validate();
        _database = database;
        _time = timeProvider ?? TimeProvider.System;
    }

    public SafeExecutorOptions Options { get; }

    /// <summary>Writes run only when the options allow them and the target is not marked read-only.</summary>
    public bool WritesAllowed => Options.AllowWrites && !_database.Target.ReadOnly;

    /// <summary>
    /// What <see cref="ExecuteAsync"/> would do with this SQL, decided from the text: read, write (only when
    /// <see cref="WritesAllowed"/>; otherwise refused, saying why) or refused. The agent layer asks for approval of writes here.
    /// </summary>
    public SqlClassification Classify(string sql)
    {
        var classification = SqlClassifier.Classify(sql);
        if (classification.Access != SqlAccess.Write || WritesAllowed)
        {
            return classification;
        }

        var why = !Options.AllowWrites
            ? "writes are off (enable the read-write mode to allow them, each behind an approval)"
            : $"the database {_database.Target.Name} is configured read-only";
        return classification with { Access = SqlAccess.Refused, Reason = $"{classification.Reason}: {why}" };
    }

    /// <exception cref="QueryRefusedException">The SQL is not allowed; nothing was sent.</exception>
    /// <exception cref="QueryFailedException">The server rejected or cancelled the statement; nothing changed.</exception>
    /// <exception cref="DatabaseUnavailableException">The database could not be reached, or the connection was lost.</exception>
    public async Task<QueryResult> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var maxRows = request.MaxRows ?? Options.MaxRows;
        SafeExecutorOptions.ValidateMaxRows(maxRows, nameof(request.MaxRows));
        var timeout = request.StatementTimeout ?? Options.StatementTimeout;
        SafeExecutorOptions.Positive(timeout, nameof(request.StatementTimeout));

        var classification = Classify(request.Sql);
        if (classification.Access == SqlAccess.Refused || classification.Statement is not { } statement)
        {
            throw new QueryRefusedException(classification);
        }

        var run = new Run(classification, statement, maxRows, timeout, Commit: classification.Access == SqlAccess.Write && request.Commit);
        if (classification.IsQuery && classification.Access == SqlAccess.Read)
        {
            try
            {
                return await RunAsync(run, wrapped: true, cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.SyntaxError)
            {
                // The wrapper is ours, and a syntax error may be reported against it ("at or near ')'"). A read that
                // fails to parse ran nothing, so it is sent again as written for the server's own words.
            }
        }

        return await RunAsync(run, wrapped: false, cancellationToken);
    }

    private async Task<QueryResult> RunAsync(Run run, bool wrapped, CancellationToken cancellationToken)
    {
        var write = run.Classification.Access == SqlAccess.Write;
        var sql = wrapped ? WrapPrefix + run.Statement.Text + WrapSuffix : run.Statement.Text;
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Disposing an uncommitted transaction rolls it back, whatever happens below.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var setup = new NpgsqlCommand(SetupSql(write, run.Timeout), connection, transaction))
            {
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }

            var started = _time.GetTimestamp();
            var (columns, rows, truncated, affected) = await StatementRunner.RunAsync(
                connection, transaction, sql, run.MaxRows, run.Timeout + ClientTimeoutMargin, write, cancellationToken);
            var duration = _time.GetElapsedTime(started);
            if (run.Commit)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            return new QueryResult(columns, rows, truncated)
            {
                Command = run.Classification.Command,
                Access = run.Classification.Access,
                Duration = duration,
                MaxRows = run.MaxRows,
                RowsAffected = affected,
                Committed = run.Commit,
                DataTag = UntrustedData.NewTag(),
            };
        }
        catch (PostgresException e) when (!(wrapped && e.SqlState == PostgresErrorCodes.SyntaxError))
        {
            throw Failure(e, run.Statement, wrapped, run.Timeout);
        }
        catch (NpgsqlException e) when (e is not PostgresException && !cancellationToken.IsCancellationRequested)
        {
            throw new DatabaseUnavailableException(
                $"lost the connection to {_database.Target.Display} while running the statement: {ConnectionStrings.Redact(e.Message.ReplaceLineEndings(" "))}", e);
        }
    }

    private string SetupSql(bool write, TimeSpan statementTimeout)
    {
        // A write transaction keeps the session default: a role set to default_transaction_read_only stays read-only.
        var mode = write ? string.Empty : "SET TRANSACTION READ ONLY;";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            {mode}
            SET LOCAL statement_timeout = {Milliseconds(statementTimeout)};
            SET LOCAL lock_timeout = {Milliseconds(Options.LockTimeout)};
            SET LOCAL idle_in_transaction_session_timeout = {Milliseconds(Options.IdleInTransactionTimeout)};
            SET LOCAL datestyle = 'ISO';
            SET LOCAL bytea_output = 'hex';
            """);
    }

    private static long Milliseconds(TimeSpan value) => (long)Math.Ceiling(value.TotalMilliseconds);

    private QueryFailedException Failure(PostgresException e, SqlStatement statement, bool wrapped, TimeSpan timeout)
    {
        SqlPosition? position = null;
        if (e.Position > 0)
        {
            // The server counts from 1 in the text it received; map that back into the caller's text.
            var offset = e.Position - 1 - (wrapped ? WrapPrefix.Length : 0);
            position = offset < 0 ? statement.Start
                : offset >= statement.Text.Length ? statement.End
                : statement.Tokens[0].Source.PositionOf(statement.Start.Offset + offset);
        }

        var explanation = e.SqlState switch
        {
            PostgresErrorCodes.QueryCanceled when e.MessageText.Contains("statement timeout", StringComparison.Ordinal) =>
                $"it ran longer than the {Describe(timeout)} statement timeout and was cancelled; narrow it (WHERE, LIMIT) or allow more time",
            PostgresErrorCodes.LockNotAvailable =>
                $"it waited longer than the {Describe(Options.LockTimeout)} lock timeout for a lock another session holds",
            PostgresErrorCodes.ReadOnlySqlTransaction =>
                "dbx ran it in a read-only transaction, and it tried to change something (a volatile function, a sequence, a lock…); nothing was changed",
            _ => null,
        };
        return new QueryFailedException(e.SqlState, e.MessageText, e.Detail, e.Hint, position, explanation, e);
    }

    private static string Describe(TimeSpan value) =>
        value.TotalSeconds >= 1 && value.Milliseconds == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0} s")
            : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0} ms");

    private sealed record Run(SqlClassification Classification, SqlStatement Statement, int MaxRows, TimeSpan Timeout, bool Commit);
}
