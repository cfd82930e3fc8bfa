using DatabaseExpert.Postgres.Advisor.Internal.Workload;

namespace DatabaseExpert.Postgres.Advisor.Internal.Verify;

/// <summary>An index to build for real: its name, table and plain (non-concurrent) CREATE INDEX.</summary>
internal sealed record IndexToBuild(string Schema, string Name, string CreateSql);

/// <summary>A helped query to time, or the reason it cannot be.</summary>
internal sealed record QueryToTime(WorkloadQuery Query, string? NotTimedReason);
