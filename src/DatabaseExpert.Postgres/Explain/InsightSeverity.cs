namespace DatabaseExpert.Postgres.Explain;

/// <summary>How much an insight matters: worth knowing, worth fixing, or the likely cause of a slow query.</summary>
public enum InsightSeverity
{
    Info,
    Warning,
    Critical,
}
