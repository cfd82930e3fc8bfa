namespace DatabaseExpert.Postgres.Catalog;

/// <summary>What <see cref="CatalogReader"/> reads. The defaults: every non-system schema, every table.</summary>
public sealed record CatalogOptions
{
    public static CatalogOptions Default { get; } = new();

    /// <summary>Only these schemas (exact names, case-sensitive). Empty: every schema except pg_catalog, information_schema, pg_toast and temp schemas.</summary>
    public IReadOnlyList<string> Schemas { get; init; } = [];

    /// <summary>Schemas to leave out.</summary>
    public IReadOnlyList<string> ExcludeSchemas { get; init; } = [];

    /// <summary>
    /// Only tables and views whose name or <c>schema.name</c> matches one of these patterns (<c>*</c> any run of
    /// characters, <c>?</c> one character; case-sensitive). Sequences owned by other tables are dropped with them;
    /// types, functions and extensions stay, because the DDL of the kept tables may need them.
    /// </summary>
    public IReadOnlyList<string> Tables { get; init; } = [];

    /// <summary>Applied with <c>SET LOCAL statement_timeout</c> to each catalog query.</summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Applied with <c>SET LOCAL lock_timeout</c>: reading sizes and sequences takes brief share locks, which wait
    /// behind a migration holding an exclusive lock. Better a clear error than a hang.
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
