namespace DatabaseExpert.Postgres.Advisor.Internal.Workload;

/// <summary>A workload written as a SQL script: every statement counts once.</summary>
internal static class FileWorkload
{
    public static Workload Load(string sql, string name)
    {
        var (statements, error) = WorkloadScript.Parse(sql, name);
        if (error is not null)
        {
            throw new AdvisorException(AdvisorErrorKind.InvalidWorkload, $"{error}; close it, or end the statement before it with ';'");
        }

        var queries = new List<WorkloadQuery>();
        var skipped = new List<SkippedStatement>();
        foreach (var statement in statements)
        {
            var source = $"{name}:{statement.Line}";
            if (WorkloadFilter.ReasonToSkip(statement) is { } reason)
            {
                skipped.Add(new SkippedStatement(source, WorkloadFilter.Excerpt(statement.Text), reason));
            }
            else
            {
                queries.Add(new WorkloadQuery(statement.Text, source, 1, null, null, statement.ParameterCount));
            }
        }

        return new Workload(name, queries, skipped);
    }
}
