using System.Text.Json.Serialization;
using DatabaseExpert.Postgres.Catalog.Internal;

namespace DatabaseExpert.Postgres.Catalog;

/// <summary>A user trigger (internal constraint triggers are left out). <see cref="Definition"/> is <c>pg_get_triggerdef</c>.</summary>
public sealed record TriggerInfo
{
    public required string Name { get; init; }

    public required ObjectName Function { get; init; }

    public TriggerState State { get; init; }

    /// <summary>Cloned onto a partition from its parent's trigger.</summary>
    public bool Inherited { get; init; }

    public required string Definition { get; init; }

    public string? Comment { get; init; }
}

/// <summary><c>pg_trigger.tgenabled</c>: origin (the normal "enabled"), disabled, replica only, always.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<TriggerState>))]
public enum TriggerState
{
    Enabled,
    Disabled,
    Replica,
    Always,
}
