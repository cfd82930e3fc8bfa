namespace DatabaseExpert.Postgres.Advisor.Internal.Statistics;

/// <summary>A column's type and its planner statistics (pg_stats), when the table was analysed.</summary>
internal sealed record ColumnStatistics(
    string Name,
    string Type,
    double? DistinctRaw,
    double NullFraction,
    IReadOnlyList<string?> CommonValues,
    IReadOnlyList<double> CommonFrequencies,
    int? AverageWidth);
