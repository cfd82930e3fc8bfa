using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Trace;

/// <summary>One traced migration.</summary>
/// <param name="File">The migration.</param>
/// <param name="Applied">True when every statement ran and the file's work was committed (or, on a real database, released to the rolled-back outer transaction).</param>
/// <param name="Error">The server error that stopped the file, mapped to the file's line and column.</param>
/// <param name="Statements">The statements that ran (or failed, or were skipped), in order; statements after a failure are absent.</param>
/// <param name="Duration">Wall time of the file, snapshots included.</param>
public sealed record TracedFile(MigrationFile File, bool Applied, TraceError? Error, IReadOnlyList<StatementTrace> Statements, TimeSpan Duration);

/// <summary>A server error, placed in the migration file.</summary>
/// <param name="Message">The server's message.</param>
/// <param name="SqlState">The SQLSTATE code, e.g. <c>23502</c>.</param>
/// <param name="Line">1-based line in the file: where the server pointed, else the failing statement's start.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Detail">The server's DETAIL, when it sent one.</param>
/// <param name="Hint">The server's HINT, when it sent one.</param>
public sealed record TraceError(string Message, string SqlState, int Line, int Column, string? Detail = null, string? Hint = null);
