namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class RequireLockTimeoutTests
{
    private const string Rule = "require-lock-timeout";

    [Fact]
    public void Dangerous_lock_without_timeout_is_flagged_once() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN n int;
        ALTER TABLE orders ADD COLUMN m int;
        """,
        [
            "1:1 require-lock-timeout warning ALTER TABLE takes an ACCESS EXCLUSIVE lock on orders (blocks reads and writes) with no lock_timeout set: while it waits for the lock, every new query on orders queues behind it",
        ],
        rewrites: [
            "SET lock_timeout = '5s';",
        ]);

    [Fact]
    public void Set_local_outside_a_transaction_has_no_effect() => RuleHarness.Expect(
        Rule,
        """
        SET LOCAL lock_timeout = '5s';
        CREATE INDEX orders_n_idx ON orders (n);
        """,
        [
            "2:1 require-lock-timeout warning CREATE INDEX takes a SHARE lock on orders (blocks writes) with no lock_timeout set (the SET LOCAL at line 1 ran outside a transaction and had no effect): while it waits for the lock, every new query on orders queues behind it",
        ],
        rewrites: [
            "SET lock_timeout = '5s';",
        ]);

    [Fact]
    public void Lock_timeout_set_first_is_fine() => RuleHarness.Expect(
        Rule,
        """
        SET lock_timeout = '5s';
        ALTER TABLE orders ADD COLUMN n int;
        """,
        []);

    [Fact]
    public void Set_local_in_the_tool_transaction_is_fine() => RuleHarness.Expect(
        Rule,
        """
        SET LOCAL lock_timeout = '2s';
        ALTER TABLE orders ADD COLUMN n int;
        """,
        [],
        inTransaction: true);

    [Fact]
    public void Zero_means_no_timeout() => RuleHarness.Expect(
        Rule,
        """
        SET lock_timeout = 0;
        DROP TABLE orders;
        """,
        [
            "2:1 require-lock-timeout warning DROP TABLE takes an ACCESS EXCLUSIVE lock on orders (blocks reads and writes) with no lock_timeout set: while it waits for the lock, every new query on orders queues behind it",
        ],
        rewrites: [
            "SET lock_timeout = '5s';",
        ]);

    [Fact]
    public void New_tables_need_no_timeout() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE t (id bigint PRIMARY KEY, p bigint REFERENCES products (id));
        CREATE INDEX t_p_idx ON t (p);
        ALTER TABLE t ADD CONSTRAINT t_p_fk FOREIGN KEY (p) REFERENCES products (id);
        """,
        []);
}
