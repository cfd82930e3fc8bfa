using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>A BEGIN with no COMMIT before the end of the file leaves the transaction open: the changes are never committed and locks stay held until the session ends.</summary>
public sealed class BanUncommittedTransaction : IEndOfFileRule
{
    public RuleInfo Info { get; } = new("ban-uncommitted-transaction", Severity.Error,
        "BEGIN without a COMMIT before the end of the file");

    public void CheckEnd(EndOfFileContext context)
    {
        if (context.Migration.OpenedBy is { } begin)
        {
            context.Report(begin.Position, begin.Sql,
                $"the transaction opened by {begin.Sql.Keywords} at line {begin.Position.Line} is never committed: its changes are lost and its locks "
                + "are held until the session ends",
                "Add COMMIT at the end of the file.", "COMMIT;");
        }
    }
}
