namespace DatabaseExpert.Migrations.Sources.Drizzle;

/// <summary>How a Drizzle out folder lists its migrations.</summary>
public enum DrizzleLayout
{
    /// <summary>drizzle-kit 0.x: <c>&lt;out&gt;/&lt;tag&gt;.sql</c> ordered by <c>meta/_journal.json</c>.</summary>
    Journal,

    /// <summary>drizzle-kit 1.0: <c>&lt;out&gt;/&lt;timestamp&gt;_&lt;name&gt;/migration.sql</c> + snapshot.json, ordered by folder name.</summary>
    FolderPerMigration,
}
