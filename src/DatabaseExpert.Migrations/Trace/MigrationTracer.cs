using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;
using DatabaseExpert.Migrations.Trace.Rules;
using DatabaseExpert.Postgres.Connections;

namespace DatabaseExpert.Migrations.Trace;

/// <summary>
/// The shadow trace: applies the history in order, then runs each target migration statement by statement the way its
/// tool would, and after every statement reads, from the same backend and transaction, the locks it holds, the storage
/// files of the relations it touched (a new relfilenode = a rewrite), their columns, constraints and indexes, and the
/// timeouts in effect. The differences are the statement's effects; the rules in <see cref="TraceRuleCatalog"/> turn them
/// into findings.
/// </summary>
public sealed class MigrationTracer(TimeProvider? timeProvider = null)
{
    /// <summary>The default per-statement limit on a real database, where a long statement holds real locks.</summary>
    public static readonly TimeSpan RealDatabaseStatementLimit = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <exception cref="TraceConfigurationException">The request cannot be run as given (no targets, locks not allowed on a real database).</exception>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached.</exception>
    /// <exception cref="Postgres.Shadow.ShadowClusterException">The shadow cluster cannot start.</exception>
    public async Task<TraceResult> TraceAsync(TraceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var isolation = Validate(request);
        var started = _time.GetTimestamp();

        await using var handle = await DatabaseHandle.OpenAsync(request.Database, cancellationToken);
        await using var connection = await handle.OpenConnectionAsync(cancellationToken);
        var serverVersion = connection.PostgreSqlVersion.ToString();
        var serverMajor = connection.PostgreSqlVersion.Major;
        var notes = new List<SourceNote>();
        if (request.PgVersion is { } wanted && wanted != serverMajor)
        {
            notes.Add(new SourceNote(
                Severity.Info,
                $"traced on PostgreSQL {serverVersion}, but production runs {wanted}: lock levels and rewrite rules differ between "
                + $"versions (point DBX_PG_BIN at PostgreSQL {wanted} binaries for an exact trace)"));
        }

        var limit = request.StatementTimeLimit ?? (isolation == TraceIsolation.RollBackEverything ? RealDatabaseStatementLimit : null);
        var session = new TraceSession(connection, isolation, request.PgVersion ?? serverMajor, limit, _time);
        await session.StartAsync(cancellationToken);
        var connected = _time.GetElapsedTime(started);

        var findings = new List<Finding>();
        var history = await ApplyHistoryAsync(session, request.History, findings, cancellationToken);
        var seed = findings.Count == 0 ? await ApplySeedAsync(session, request.Seed, isolation, findings, cancellationToken) : TimeSpan.Zero;

        var files = new List<TracedFile>();
        var traceStarted = _time.GetTimestamp();
        if (findings.Count == 0)
        {
            foreach (var target in request.Targets)
            {
                // Each migration is judged on its own: settings a previous one left in the session do not carry over.
                await session.ExecuteAsync("RESET ALL", cancellationToken);
                var fileStarted = _time.GetTimestamp();
                var traced = await session.RunFileAsync(target, trace: true, cancellationToken);
                files.Add(new TracedFile(target, traced.Applied, traced.Error, [.. traced.Statements.Select(s => s.Trace)], _time.GetElapsedTime(fileStarted)));
                findings.AddRange(InlineIgnores.Apply(TraceRuleCatalog.Checks.SelectMany(rule => rule.Check(traced)), traced));
                notes.AddRange(traced.Statements
                    .Where(s => s.Trace.Outcome == StatementOutcome.Skipped)
                    .Select(s => new SourceNote(Severity.Info, $"not run: {s.Trace.SkipReason}", target.DisplayPath, s.Trace.Line)));
            }
        }

        var traceElapsed = _time.GetElapsedTime(traceStarted);
        await session.FinishAsync(cancellationToken);
        return new TraceResult(files, findings, notes, serverVersion, isolation, new TraceTimings(connected, history, seed, traceElapsed));
    }

    private static TraceIsolation Validate(TraceRequest request)
    {
        if (request.Targets.Count == 0)
        {
            throw new TraceConfigurationException("nothing to trace: give at least one migration file as a target");
        }

        var isolation = request.Isolation ?? (request.Database.IsShadow ? TraceIsolation.CommitEachFile : TraceIsolation.RollBackEverything);
        if (!request.Database.IsShadow && !request.AllowLocksOnDatabase)
        {
            throw new TraceConfigurationException(
                $"tracing on {request.Database.Display} takes real locks on its tables while it runs (even though everything is "
                + "rolled back): confirm with --allow-locks-on <database name>, or trace on the shadow cluster (the default)");
        }

        return isolation;
    }

    private async Task<TimeSpan> ApplyHistoryAsync(
        TraceSession session, IReadOnlyList<MigrationFile> history, List<Finding> findings, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        foreach (var file in history)
        {
            var applied = await session.RunFileAsync(file, trace: false, cancellationToken);
            if (applied.Error is { } error)
            {
                findings.Add(SetupFailed.For("history", file.DisplayPath, error));
                break;
            }
        }

        return _time.GetElapsedTime(started);
    }

    private async Task<TimeSpan> ApplySeedAsync(
        TraceSession session, SeedScript? seed, TraceIsolation isolation, List<Finding> findings, CancellationToken cancellationToken)
    {
        if (seed is null)
        {
            return TimeSpan.Zero;
        }

        var started = _time.GetTimestamp();
        var file = new MigrationFile(seed.DisplayPath, seed.DisplayPath, "seed", seed.Text, MigrationFormat.PlainSql, RunsInTransaction: true);
        var applied = await session.RunFileAsync(file, trace: false, cancellationToken);
        if (applied.Error is { } error)
        {
            findings.Add(SetupFailed.For("seed", seed.DisplayPath, error));
        }
        else if (isolation == TraceIsolation.CommitEachFile)
        {
            // Row estimates (pg_class.reltuples) in findings come from statistics; the seed just changed them.
            await session.ExecuteAsync("ANALYZE", cancellationToken);
        }

        return _time.GetElapsedTime(started);
    }
}

/// <summary>A trace request that cannot run as given; the message says what to change.</summary>
public sealed class TraceConfigurationException(string message) : Exception(message);
