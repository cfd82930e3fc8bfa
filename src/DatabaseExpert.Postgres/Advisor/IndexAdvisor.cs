using DatabaseExpert.Postgres.Advisor.Internal.Candidates;
using DatabaseExpert.Postgres.Advisor.Internal.Output;
using DatabaseExpert.Postgres.Advisor.Internal.Plans;
using DatabaseExpert.Postgres.Advisor.Internal.Selection;
using DatabaseExpert.Postgres.Advisor.Internal.Statistics;
using DatabaseExpert.Postgres.Advisor.Internal.Verify;
using DatabaseExpert.Postgres.Advisor.Internal.WhatIf;
using DatabaseExpert.Postgres.Advisor.Internal.Workload;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Explain;
using Npgsql;

namespace DatabaseExpert.Postgres.Advisor;

/// <summary>
/// The index advisor: reads a workload (a SQL file or pg_stat_statements), proposes B-tree indexes from how each
/// query's plan filters, joins, sorts and groups, costs them as hypothetical indexes (hypopg, plain EXPLAIN: nothing
/// is executed or written), chooses greedily under a storage budget, and optionally verifies the choice with real
/// indexes in a rolled-back transaction.
/// </summary>
public static class IndexAdvisor
{
    /// <exception cref="AdvisorException">
    /// hypopg or pg_stat_statements is missing, the workload is unusable, verification is not allowed, or the server
    /// failed midway (<see cref="AdvisorErrorKind"/> says which; the message says what to do).
    /// </exception>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached.</exception>
    public static async Task<AdviseResult> AdviseAsync(DatabaseHandle database, AdviseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Top, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.VerifyRuns, 1);
        if (request.Verify && database.Target.ReadOnly && !request.AllowWrites)
        {
            throw new AdvisorException(
                AdvisorErrorKind.VerifyNeedsWrites,
                $"verification builds the indexes for real (in a transaction that is rolled back, but the builds block writes to the "
                + $"tables while they run), and {database.Target.Display} is read-only: verify on a copy (a Neon branch, a restored "
                + "dump) named in agent.yaml with readOnly: false, or allow it here with --allow-writes");
        }

        try
        {
            return await AdviseOnAsync(database, request, cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            var detail = ex is PostgresException pg ? $"{pg.MessageText} ({pg.SqlState})" : ex.Message.ReplaceLineEndings(" ");
            throw new AdvisorException(
                AdvisorErrorKind.ServerError, $"advice stopped by {database.Target.Display}: {ConnectionStrings.Redact(detail)}; nothing was changed");
        }
    }

    private static async Task<AdviseResult> AdviseOnAsync(DatabaseHandle database, AdviseRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var server = await ServerInfo.ReadAsync(connection, cancellationToken);
        server.RequireHypoPg();
        var workload = request.WorkloadSql is { } sql
            ? FileWorkload.Load(sql, request.WorkloadName)
            : await StatStatementsWorkload.LoadAsync(connection, server, cancellationToken);

        Analysis analysis;
        await using (var session = await WhatIfSession.StartAsync(connection, server, request.StatementTimeout, cancellationToken))
        {
            var planned = await PlannedWorkload.PlanAsync(session, workload, request.WorkloadSql is null ? request.Top : int.MaxValue, cancellationToken);
            if (planned.Queries.Count == 0)
            {
                throw EmptyWorkload(workload, planned);
            }

            analysis = await AnalyseAsync(connection, session, workload.Source, planned, request, cancellationToken);
        }

        var verification = request.Verify ? await VerifyAsync(database, request, analysis, cancellationToken) : null;
        return analysis.Result with { Verification = verification };
    }

    private static async Task<Analysis> AnalyseAsync(
        NpgsqlConnection connection, WhatIfSession session, string source, PlannedWorkload planned, AdviseRequest request, CancellationToken cancellationToken)
    {
        var queries = planned.Queries;
        var tablesOfQuery = queries.Select((_, i) => PlannedWorkload.UserTables(planned.Plans[i]).Concat(PlannedWorkload.UserTables(planned.ProfilePlans[i])).ToHashSet()).ToList();
        var tables = tablesOfQuery.SelectMany(t => t).Distinct().Order().ToList();
        var statistics = await CatalogReader.ReadStatisticsAsync(connection, tables, cancellationToken);
        var existing = await CatalogReader.ReadIndexesAsync(connection, tables, cancellationToken);

        var profiler = new ProfileBuilder((table, column) =>
            statistics.TryGetValue(table, out var t) && t.Columns.TryGetValue(column, out var c) ? c.Type : null);
        var candidates = CandidateGenerator.ForWorkload(planned.ProfilePlans.Select(profiler.Build), statistics, existing);
        var queriesByTable = tables.ToDictionary(t => t, t => (IReadOnlyList<int>)Enumerable.Range(0, queries.Count).Where(q => tablesOfQuery[q].Contains(t)).ToList());
        var baseline = planned.Plans.Select(p => p.TotalCost).ToArray();

        var rules = new SelectionRules(
            request.MinWorkloadImprovement, request.MinQueryImprovement, request.BudgetBytes, Enumerable.Range(0, queries.Count).Sum(q => queries[q].Weight * baseline[q]));
        var chosen = await new GreedySelector(session, queries, rules).SelectAsync(candidates, queriesByTable, baseline, cancellationToken);

        // The selector leaves exactly the chosen indexes in place: plan everything once more to see who uses what.
        var byOid = session.Active.ToDictionary(a => a.Value.Oid, a => a.Key);
        var after = new List<(double Cost, IReadOnlyList<IndexCandidate> Uses)>();
        foreach (var query in queries)
        {
            var plan = await session.PlanAsync(query, cancellationToken);
            var uses = plan.DescendantsAndSelf()
                .Select(n => HypotheticalIndex.OidInPlanName(n.IndexName))
                .OfType<uint>()
                .Where(byOid.ContainsKey)
                .Select(oid => byOid[oid])
                .Distinct()
                .ToList();
            after.Add((plan.TotalCost, uses));
        }

        var taken = new HashSet<string>(await CatalogReader.ReadTakenNamesAsync(connection, chosen.Select(c => c.Table.Schema).Distinct().ToList(), cancellationToken), StringComparer.Ordinal);
        var names = chosen.ToDictionary(c => c, c => IndexNaming.Choose(c, taken));
        var definitions = await DefinitionBuilder.LoadAsync(connection, chosen.SelectMany(c => DefinitionBuilder.NamesOf(c, names[c])), cancellationToken);

        QueryCost Cost(int q) => new(
            queries[q].Text, queries[q].Source, queries[q].Weight, queries[q].Calls, queries[q].MeanTimeMs,
            Round(baseline[q]), Round(after[q].Cost), after[q].Uses.Select(c => names[c]).ToList());

        var recommendations = chosen.Select(c =>
        {
            var helped = Enumerable.Range(0, queries.Count).Where(q => after[q].Uses.Contains(c)).ToList();
            return new IndexRecommendation(
                names[c],
                c.Table.Schema,
                c.Table.Name,
                c.Keys.Select(k => k.Column).ToList(),
                c.Include,
                definitions.Where(c),
                definitions.Create(c, names[c], concurrently: true),
                session.SizeOf(c),
                Round(helped.Sum(q => queries[q].Weight * baseline[q])),
                Round(helped.Sum(q => queries[q].Weight * after[q].Cost)),
                helped.Select(Cost).ToList());
        }).ToList();

        var result = new AdviseResult(
            recommendations,
            Round(Enumerable.Range(0, queries.Count).Sum(q => queries[q].Weight * baseline[q])),
            Round(Enumerable.Range(0, queries.Count).Sum(q => queries[q].Weight * after[q].Cost)),
            source,
            Enumerable.Range(0, queries.Count).Select(Cost).ToList(),
            planned.Skipped,
            candidates.Count,
            session.Explainer.PlansMade,
            request.BudgetBytes,
            null);

        var builds = chosen.Select(c => new IndexToBuild(c.Table.Schema, names[c], definitions.Create(c, names[c], concurrently: false))).ToList();
        var timed = Enumerable.Range(0, queries.Count)
            .Where(q => after[q].Uses.Count > 0)
            .Select(q => new QueryToTime(queries[q], NotTimedReason(queries[q], planned.Plans[q])))
            .ToList();
        return new Analysis(result, builds, timed);
    }

    private static Task<AdviceVerification> VerifyAsync(DatabaseHandle database, AdviseRequest request, Analysis analysis, CancellationToken cancellationToken) =>
        new IndexVerifier(database, request).VerifyAsync(analysis.Builds, analysis.Timed, cancellationToken);

    private static string? NotTimedReason(WorkloadQuery query, PlanNode plan) =>
        query.ParameterCount > 0 ? "has $n parameters: only queries with literal values can be timed (give them in a --workload file)"
        : plan.DescendantsAndSelf().Any(n => n.NodeType == "ModifyTable") ? "changes data: verification runs read-only queries only"
        : null;

    private static AdvisorException EmptyWorkload(Workload workload, PlannedWorkload planned)
    {
        var reasons = planned.Skipped.Take(5).Select(s => $"{s.Source}: {s.Reason}").ToList();
        var detail = reasons.Count == 0 ? string.Empty : $" ({string.Join("; ", reasons)}{(planned.Skipped.Count > 5 ? "; …" : string.Empty)})";
        var hint = workload.Source == StatStatementsWorkload.SourceName
            ? "run the application's workload first (pg_stat_statements records what runs), or pass --workload FILE"
            : "give SELECT/INSERT/UPDATE/DELETE statements that read tables of this database";
        return new AdvisorException(AdvisorErrorKind.EmptyWorkload, $"{workload.Source} holds no query that can be costed{detail}: {hint}");
    }

    private static double Round(double cost) => Math.Round(cost, 2);

    private sealed record Analysis(AdviseResult Result, IReadOnlyList<IndexToBuild> Builds, IReadOnlyList<QueryToTime> Timed);
}
