using DatabaseExpert.Postgres.Safety.Internal;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Postgres.Safety;

/// <summary>
/// The verdict on SQL text before anything reaches a server: read, write or refused, the command (<c>SELECT</c>,
/// <c>CREATE INDEX</c>…), the reason for writes and refusals, and where in the text the deciding token is.
/// </summary>
public sealed record SqlClassification(SqlAccess Access, string Command, string? Reason, SqlPosition? Position)
{
    /// <summary>The single statement, when the text holds exactly one.</summary>
    public SqlStatement? Statement { get; init; }

    /// <summary>True for queries whose rows can be capped by wrapping them (<c>SELECT</c>, <c>WITH</c>, <c>VALUES</c>, <c>TABLE</c>).</summary>
    public bool IsQuery { get; init; }

    /// <summary>For writes: what makes the statement one.</summary>
    internal WriteKind WriteKind { get; init; }

    /// <summary>The reason with its <c>line:col</c>, for messages.</summary>
    public string Describe() => Reason is null ? Command : Position is { } at ? $"{Reason} (at {at})" : Reason;

    public override string ToString() => $"{Access.ToString().ToLowerInvariant()} {Command}: {Describe()}";
}
