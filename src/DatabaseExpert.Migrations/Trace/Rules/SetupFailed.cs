using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>
/// <c>trace-setup-failed</c>: the history (the migrations before the traced ones) or the seed did not apply, so nothing
/// was traced. These are not the change under review, but without them the trace would measure the wrong schema.
/// </summary>
internal static class SetupFailed
{
    public static TraceRuleInfo Info { get; } = new(TraceRuleIds.SetupFailed, Severity.Error, "History or seed fails to apply; nothing traced");

    public static Finding For(string what, string displayPath, TraceError error) =>
        new(
            Info.Id,
            Info.Severity,
            displayPath,
            error.Line,
            error.Column,
            $"the {what} fails to apply, so nothing was traced: {error.Message} (SQLSTATE {error.SqlState})",
            what == "seed"
                ? "The seed runs after the history and before the first traced migration: make its INSERTs match the schema at "
                  + "that point (columns added later, NOT NULL columns), or trace from a later migration."
                : "The migrations before the traced ones must apply on an empty database, in order. Fix this one (or trace from "
                  + "an earlier migration so it is traced itself).")
        {
            Origin = FindingOrigin.Analysis,
            Evidence = error.Detail,
        };
}
