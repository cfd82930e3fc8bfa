namespace DatabaseExpert.Postgres.Safety;

/// <summary>The SQL was refused before it reached the server; <see cref="Classification"/> says why and where.</summary>
public sealed class QueryRefusedException(SqlClassification classification)
    : Exception($"refused: {classification.Describe()}")
{
    public SqlClassification Classification { get; } = classification;
}
