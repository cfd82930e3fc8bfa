namespace DatabaseExpert.Postgres.Tests.Health;

/// <summary>
/// The health test classes run one after the other: the planted fixture creates a replication slot and fills
/// shared_buffers, both server-wide, which the clean fixture's "no false alarms" test must not see.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HealthCollection
{
    public const string Name = "health";
}
