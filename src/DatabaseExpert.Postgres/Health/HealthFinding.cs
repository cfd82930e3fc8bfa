using System.Diagnostics.CodeAnalysis;

namespace DatabaseExpert.Postgres.Health;

/// <summary>One problem a check found.</summary>
/// <param name="Object">
/// What it is about: <c>schema.name</c> for tables, indexes and sequences; <c>schema.table.name</c> for columns and
/// constraints; <c>pid N</c> for sessions; a database, slot or <c>server</c> name otherwise.
/// </param>
/// <param name="Severity">Warning and critical findings set the check's status; info findings do not.</param>
/// <param name="Message">What is wrong and why it matters, with the figures that show it.</param>
/// <param name="Fix">What to run or change, SQL where possible (never run by dbx); null when there is nothing to run.</param>
/// <param name="Details">The figures behind the message, for programs (camelCase keys; numbers, strings, booleans).</param>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "\"object\" is the field name of the health JSON contract.")]
public sealed record HealthFinding(
    string Object,
    FindingSeverity Severity,
    string Message,
    string? Fix,
    IReadOnlyDictionary<string, object?> Details);
