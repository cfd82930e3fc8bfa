using System.Text.Json.Serialization;
using DatabaseExpert.Postgres.Catalog.Internal;

namespace DatabaseExpert.Postgres.Catalog;

/// <summary>A function or procedure. <see cref="Definition"/> is <c>pg_get_functiondef</c> (null for aggregates).</summary>
public sealed record FunctionInfo
{
    public required string Schema { get; init; }

    public required string Name { get; init; }

    /// <summary><c>pg_get_function_identity_arguments</c>, e.g. <c>u "Lab"."user"</c>.</summary>
    public required string Arguments { get; init; }

    public string? Result { get; init; }

    public required string Language { get; init; }

    public FunctionKind Kind { get; init; }

    /// <summary>Its signature uses a table's row type or its body is bound to tables: created after the tables.</summary>
    public bool DependsOnTables { get; init; }

    public string? Definition { get; init; }

    public string? Comment { get; init; }
}

[JsonConverter(typeof(CamelCaseEnumConverter<FunctionKind>))]
public enum FunctionKind
{
    Function,
    Procedure,
    Aggregate,
    Window,
}
