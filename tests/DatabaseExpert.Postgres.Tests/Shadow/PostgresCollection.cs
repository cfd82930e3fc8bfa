using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Shadow;

/// <summary>
/// Test classes marked <c>[Collection(PostgresCollection.Name)]</c> share one database of the shared test server
/// (see tests/DatabaseExpert.Testing/Postgres/README.md). xunit only finds collection definitions in the test
/// assembly itself, so this project defines it once, here.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
