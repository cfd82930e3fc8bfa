namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanUncommittedTransactionTests
{
    private const string Rule = "ban-uncommitted-transaction";

    [Fact]
    public void Begin_without_commit_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        BEGIN;
        ALTER TABLE orders ADD COLUMN n int;
        """,
        [
            "1:1 ban-uncommitted-transaction error the transaction opened by BEGIN at line 1 is never committed: its changes are lost and its locks are held until the session ends",
        ],
        rewrites: [
            "COMMIT;",
        ]);

    [Fact]
    public void Committed_transaction_is_fine() => RuleHarness.Expect(
        Rule,
        """
        BEGIN;
        ALTER TABLE orders ADD COLUMN n int;
        END;
        """,
        []);
}
