using System.Text.RegularExpressions;

namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>
/// The settings a request may change for its EXPLAIN (with SET LOCAL): those that steer the planner and the memory
/// of one query. Anything else (roles, read-only mode, timeouts, logging) is refused, so a setting can never widen
/// what the statement may do.
/// </summary>
internal static partial class PlannerSettings
{
    private static readonly string[] Prefixes = ["enable_", "jit", "parallel_", "min_parallel_", "max_parallel_workers", "geqo"];

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "work_mem", "hash_mem_multiplier", "random_page_cost", "seq_page_cost", "cpu_tuple_cost", "cpu_index_tuple_cost",
        "cpu_operator_cost", "effective_cache_size", "effective_io_concurrency", "join_collapse_limit", "from_collapse_limit",
        "plan_cache_mode", "constraint_exclusion", "cursor_tuple_fraction", "default_statistics_target", "search_path",
        "recursive_worktable_factor",
    };

    public static IReadOnlyList<KeyValuePair<string, string>> Validate(IReadOnlyDictionary<string, string> settings)
    {
        var accepted = new List<KeyValuePair<string, string>>();
        foreach (var (rawName, value) in settings)
        {
            var name = rawName.Trim().ToLowerInvariant();
            if (!SettingName().IsMatch(name) || !(Names.Contains(name) || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))))
            {
                throw new ExplainException(
                    $"the setting '{rawName}' cannot be changed for an EXPLAIN; only planner and per-query memory settings can "
                    + "(work_mem, hash_mem_multiplier, enable_*, jit*, parallel_*, max_parallel_workers*, *_cost, effective_cache_size, "
                    + "join_collapse_limit, plan_cache_mode, search_path, …)",
                    ExplainErrorKind.InvalidRequest);
            }

            accepted.Add(new(name, value));
        }

        return accepted;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SettingName();
}
