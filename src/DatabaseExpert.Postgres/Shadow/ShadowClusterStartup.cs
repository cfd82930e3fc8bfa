namespace DatabaseExpert.Postgres.Shadow;

/// <summary>Where the time of one <see cref="ShadowCluster.StartAsync"/> went.</summary>
/// <param name="TemplateCreated">True when this start ran initdb (cold cache); false when it reused the cached template.</param>
/// <param name="Template">Finding or building the template (includes waiting for another builder).</param>
/// <param name="Copy">Copying the template into the new cluster directory.</param>
/// <param name="ServerStart">From launching the server to the first successful connection.</param>
/// <param name="Total">The whole start, binaries lookup included.</param>
public sealed record ShadowClusterStartup(bool TemplateCreated, TimeSpan Template, TimeSpan Copy, TimeSpan ServerStart, TimeSpan Total);
