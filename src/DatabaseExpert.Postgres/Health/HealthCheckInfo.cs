namespace DatabaseExpert.Postgres.Health;

/// <summary>A check dbx can run: its stable kebab-case id, a title and what it looks for (docs/health-checks.md has more).</summary>
public sealed record HealthCheckInfo(string Id, string Title, string Description);
