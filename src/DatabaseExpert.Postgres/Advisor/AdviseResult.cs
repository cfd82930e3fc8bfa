using DatabaseExpert.Postgres.Advisor.Internal.Output;

namespace DatabaseExpert.Postgres.Advisor;

/// <summary>
/// The advice: indexes to create, each with the queries it helps, and the workload's estimated cost (the planner's
/// cost units, Σ weight × total cost) before and after all of them.
/// </summary>
/// <param name="Recommendations">In the order they were chosen (best value per MB first).</param>
/// <param name="WorkloadCostBefore">Σ weight × plan cost with the existing indexes.</param>
/// <param name="WorkloadCostAfter">The same with the recommended indexes added (hypothetically).</param>
/// <param name="Source">The workload file name, or <c>pg_stat_statements</c>.</param>
/// <param name="Queries">Every costed query with its cost before and after.</param>
/// <param name="Skipped">Statements not costed, each with the reason.</param>
/// <param name="CandidatesConsidered">Distinct candidate indexes costed.</param>
/// <param name="PlansCosted">EXPLAINs run for what-if costing.</param>
/// <param name="BudgetBytes">The storage budget applied, or null.</param>
/// <param name="Verification">Real timings when verification was asked for, else null.</param>
public sealed record AdviseResult(
    IReadOnlyList<IndexRecommendation> Recommendations,
    double WorkloadCostBefore,
    double WorkloadCostAfter,
    string Source,
    IReadOnlyList<QueryCost> Queries,
    IReadOnlyList<SkippedStatement> Skipped,
    int CandidatesConsidered,
    int PlansCosted,
    long? BudgetBytes,
    AdviceVerification? Verification)
{
    /// <summary>The compact text a model should see.</summary>
    public string ToModelText() => AdviceText.Render(this);
}

/// <summary>One index to create.</summary>
/// <param name="Name">Deterministic, at most 63 bytes, unused in the schema.</param>
/// <param name="Schema">The table's schema.</param>
/// <param name="Table">The table.</param>
/// <param name="Columns">Key column names in order (directions are in <paramref name="Definition"/>).</param>
/// <param name="Include">INCLUDE columns (for index-only scans).</param>
/// <param name="Where">The predicate of a partial index, or null.</param>
/// <param name="Definition"><c>CREATE INDEX CONCURRENTLY name ON table USING btree (…) [INCLUDE (…)] [WHERE …]</c>.</param>
/// <param name="EstimatedSizeBytes">hypopg's size estimate.</param>
/// <param name="CostBefore">Σ weight × cost of the queries it helps, before any recommendation.</param>
/// <param name="CostAfter">The same with every recommendation in place.</param>
/// <param name="Queries">The queries whose plan uses it.</param>
public sealed record IndexRecommendation(
    string Name,
    string Schema,
    string Table,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Include,
    string? Where,
    string Definition,
    long EstimatedSizeBytes,
    double CostBefore,
    double CostAfter,
    IReadOnlyList<QueryCost> Queries);

/// <summary>A workload query and its estimated cost.</summary>
/// <param name="Query">The SQL (pg_stat_statements: normalised, with <c>$n</c> parameters).</param>
/// <param name="Source"><c>file:line</c> or <c>pg_stat_statements queryid N</c>.</param>
/// <param name="Weight">How much it counts: calls from pg_stat_statements, 1 for a file.</param>
/// <param name="Calls">pg_stat_statements calls, else null.</param>
/// <param name="MeanTimeMs">pg_stat_statements mean execution time, else null.</param>
/// <param name="CostBefore">Plan total cost with the existing indexes.</param>
/// <param name="CostAfter">Plan total cost with the recommendations.</param>
/// <param name="Indexes">Recommended indexes its plan uses.</param>
public sealed record QueryCost(
    string Query,
    string Source,
    double Weight,
    long? Calls,
    double? MeanTimeMs,
    double CostBefore,
    double CostAfter,
    IReadOnlyList<string> Indexes);

/// <summary>A workload statement that was not costed.</summary>
public sealed record SkippedStatement(string Source, string Statement, string Reason);

/// <summary>What <c>--verify</c> measured: the indexes built for real and each helped query timed before and after.</summary>
/// <param name="Performed">False when nothing was built.</param>
/// <param name="Reason">Why not, when not performed.</param>
/// <param name="Indexes">The indexes built.</param>
/// <param name="Queries">The helped queries, timed or with the reason they were not.</param>
public sealed record AdviceVerification(
    bool Performed,
    string? Reason,
    IReadOnlyList<VerifiedIndex> Indexes,
    IReadOnlyList<VerifiedQuery> Queries);

/// <summary>An index built during verification (then rolled back).</summary>
/// <param name="Name">The recommended name.</param>
/// <param name="SizeBytes">Its real size.</param>
/// <param name="BuildMs">How long CREATE INDEX took.</param>
/// <param name="Usable">False when the new index could not serve the verifying transaction itself (broken HOT chains).</param>
public sealed record VerifiedIndex(string Name, long SizeBytes, double BuildMs, bool Usable);

/// <summary>Median EXPLAIN ANALYZE execution time of a query without and with the recommended indexes.</summary>
/// <param name="Query">The SQL.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="BeforeMs">Median execution time without the indexes.</param>
/// <param name="AfterMs">Median execution time with them.</param>
/// <param name="IndexesUsed">Recommended indexes the real plan used.</param>
/// <param name="NotTimedReason">Why the query was not timed (parameters, a data-changing statement), else null.</param>
public sealed record VerifiedQuery(
    string Query,
    string Source,
    double? BeforeMs,
    double? AfterMs,
    IReadOnlyList<string> IndexesUsed,
    string? NotTimedReason);
