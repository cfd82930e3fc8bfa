using DatabaseExpert.Testing.Sarif;

namespace DatabaseExpert.Migrations.Tests.Reporters.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SarifToolsCollection : ICollectionFixture<SarifTools>
{
    public const string Name = "SARIF schema and validator from npm";
}
