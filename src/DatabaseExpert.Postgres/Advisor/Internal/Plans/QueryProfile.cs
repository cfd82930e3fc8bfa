namespace DatabaseExpert.Postgres.Advisor.Internal.Plans;

/// <summary>Per table, how a query uses it; built by <see cref="ProfileBuilder"/>.</summary>
internal sealed record QueryProfile(IReadOnlyDictionary<RelationRef, RelationUsage> Relations);
