namespace DatabaseExpert.Migrations.Analysis;

/// <summary>What the analysis assumes about the target: its PostgreSQL version, how migrations are run, what the server knows.</summary>
/// <param name="PgVersion">Major version of the PostgreSQL the migrations will run on.</param>
/// <param name="AssumeInTransaction">Treat every file as wrapped in a transaction by its tool, whatever the tool is.</param>
/// <param name="Types">Catalog knowledge; <see cref="StaticTypeInfo"/> when no database is given.</param>
public sealed record AnalysisSettings(int PgVersion = AnalysisSettings.DefaultPgVersion, bool AssumeInTransaction = false, IServerTypeInfo? Types = null)
{
    public const int DefaultPgVersion = 15;

    public IServerTypeInfo TypeInfo => Types ?? StaticTypeInfo.Instance;
}
