namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>The fix for a sort or hash that spilled: a per-query work_mem big enough for it, and why not globally.</summary>
internal static class WorkMemAdvice
{
    public static string Fix(double neededKb, string alternative) =>
        $"SET LOCAL work_mem = '{PlanFigures.WorkMemSetting(neededKb)}'; -- inside the transaction that runs this query. work_mem is "
        + "granted per sort or hash node and per parallel worker, so raise it for this query (or this role) rather than "
        + $"server-wide. {alternative}";
}
