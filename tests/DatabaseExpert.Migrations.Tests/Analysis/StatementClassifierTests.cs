using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Analysis.Statements;

using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Tests.Analysis;

public sealed class StatementClassifierTests
{
    [Fact]
    public void Create_table_reads_columns_with_their_constraints()
    {
        var create = ClassifierAssert.Classify<CreateTableStatement>("""
            CREATE TABLE IF NOT EXISTS "billing"."Invoices" (
              "id" bigint GENERATED ALWAYS AS IDENTITY (START WITH 10) PRIMARY KEY,
              customer_id int4 NOT NULL CONSTRAINT fk REFERENCES customers (id) ON DELETE SET NULL (customer_id) ON UPDATE CASCADE,
              total numeric(12, 2) DEFAULT 0 CHECK (total >= 0),
              tags text[] DEFAULT '{}'::text[] NOT NULL,
              code varchar(32) COLLATE "C" UNIQUE NULLS NOT DISTINCT,
              created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
              total_eur numeric GENERATED ALWAYS AS (total / 100) STORED,
              note text DEFAULT NULL,
              CONSTRAINT invoices_code_check CHECK (code <> ''),
              FOREIGN KEY (customer_id) REFERENCES public.customers (id) NOT VALID
            );
            """);

        Assert.Equal(new ObjectName("billing", "Invoices"), create.Table);
        Assert.True(create.IfNotExists);
        Assert.Equal(["id", "customer_id", "total", "tags", "code", "created_at", "total_eur", "note"], create.Columns.Select(c => c.Name));
        var id = create.Columns[0];
        Assert.Equal((ColumnGeneration.Identity, true, true), (id.Generation, id.PrimaryKey, id.IsAutoIncrement));
        var customer = create.Columns[1];
        Assert.Equal((TypeNames.Integer, true, "customers"), (customer.Type.Name, customer.NotNull, customer.References?.Name));
        Assert.Equal(["12", "2"], create.Columns[2].Type.Modifiers);
        Assert.Equal("total >= 0", create.Columns[2].Check?.Text);
        Assert.Equal(("'{}'::text[]", 1, true), (create.Columns[3].Default?.Text, create.Columns[3].Type.ArrayDimensions, create.Columns[3].NotNull));
        Assert.True(create.Columns[4].Unique);
        Assert.Equal((TypeNames.TimestampTz, "now()"), (create.Columns[5].Type.Name, create.Columns[5].Default?.Text));
        Assert.Equal(ColumnGeneration.Stored, create.Columns[6].Generation);
        Assert.Equal("NULL", create.Columns[7].Default?.Text);
        Assert.Equal([ConstraintKind.Check, ConstraintKind.ForeignKey], create.Constraints.Select(c => c.Kind));
        Assert.Equal(("invoices_code_check", "code <> ''"), (create.Constraints[0].Name, create.Constraints[0].Expression?.Text));
        Assert.True(create.Constraints[1].NotValid);
        Assert.Equal(["customer_id"], create.Constraints[1].Columns);
        Assert.Equal(new ObjectName("public", "customers"), create.Constraints[1].ReferencedTable);
    }

    [Fact]
    public void Column_text_and_type_rewrite_keep_the_rest_as_written()
    {
        var create = ClassifierAssert.Classify<CreateTableStatement>("CREATE TABLE t (\"id\"   serial PRIMARY KEY NOT NULL, n int)");

        Assert.Equal("\"id\"   serial PRIMARY KEY NOT NULL", create.Columns[0].Text);
        Assert.Equal("\"id\"   bigint PRIMARY KEY NOT NULL", create.Columns[0].WithType("bigint"));
    }

    [Theory]
    [InlineData("CREATE TABLE t AS SELECT 1", true, null)]
    [InlineData("CREATE TABLE t (a, b) AS SELECT 1, 2", true, null)]
    [InlineData("CREATE TABLE p1 PARTITION OF p (a WITH OPTIONS NOT NULL) FOR VALUES FROM (1) TO (10)", false, "p")]
    [InlineData("CREATE TEMP TABLE t (LIKE other INCLUDING ALL, extra int)", false, null)]
    public void Create_table_variants(string sql, bool fromQuery, string? partitionOf)
    {
        var create = ClassifierAssert.Classify<CreateTableStatement>(sql);

        Assert.Equal(fromQuery, create.FromQuery);
        Assert.Equal(partitionOf, create.PartitionOf?.Name);
    }

    [Fact]
    public void Create_index_reads_its_options()
    {
        var index = ClassifierAssert.Classify<CreateIndexStatement>(
            "create unique index concurrently if not exists \"ix\" on only s.t using gin ((data->'a'), b DESC) include (c) nulls not distinct where b > 0");

        Assert.Equal(("ix", new ObjectName("s", "t"), "gin"), (index.Name, index.Table, index.Method));
        Assert.True(index.Unique && index.Concurrently && index.IfNotExists && index.HasInclude && index.NullsNotDistinct);
        Assert.Equal(["(data->'a')", "b DESC"], index.Keys);
    }

    [Fact]
    public void Alter_table_reads_every_action_in_order()
    {
        var alter = ClassifierAssert.Classify<AlterTableStatement>("""
            ALTER TABLE IF EXISTS ONLY orders
              ADD COLUMN IF NOT EXISTS note text DEFAULT 'x',
              DROP COLUMN legacy CASCADE,
              ALTER COLUMN total SET DATA TYPE bigint USING total::bigint,
              ALTER status SET DEFAULT 'new',
              ALTER COLUMN status DROP DEFAULT,
              ALTER COLUMN note SET NOT NULL,
              ALTER COLUMN note DROP NOT NULL,
              ADD CONSTRAINT c CHECK (total > 0) NOT VALID,
              ADD UNIQUE USING INDEX orders_code_idx,
              VALIDATE CONSTRAINT c,
              DROP CONSTRAINT IF EXISTS old_c,
              DISABLE TRIGGER ALL,
              SET (fillfactor = 70),
              SET TABLESPACE fast,
              ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY,
              OWNER TO app
            """);

        Assert.True(alter.IfExists);
        Assert.Equal(
            [
                typeof(AddColumnAction), typeof(DropColumnAction), typeof(AlterColumnTypeAction), typeof(SetDefaultAction), typeof(DropDefaultAction),
                typeof(SetNotNullAction), typeof(DropNotNullAction), typeof(AddConstraintAction), typeof(AddConstraintAction),
                typeof(ValidateConstraintAction), typeof(DropConstraintAction), typeof(TriggerAction), typeof(OtherAlterTableAction),
                typeof(RewriteTableAction), typeof(AddIdentityAction), typeof(OtherAlterTableAction),
            ],
            alter.Actions.Select(a => a.GetType()));
        var change = Assert.IsType<AlterColumnTypeAction>(alter.Actions[2]);
        Assert.Equal(("total", TypeNames.BigInt, "total::bigint"), (change.Column, change.NewType.Name, change.Using?.Text));
        Assert.Equal("ALTER COLUMN total SET DATA TYPE bigint USING total::bigint", change.Text);
        Assert.Equal("orders_code_idx", ((AddConstraintAction)alter.Actions[8]).Constraint.UsingIndex);
        Assert.Equal(LockMode.ShareUpdateExclusive, ((OtherAlterTableAction)alter.Actions[12]).Lock);
        Assert.Equal(LockMode.AccessExclusive, ((OtherAlterTableAction)alter.Actions[15]).Lock);
    }

    [Theory]
    [InlineData("ALTER TABLE a RENAME TO b", typeof(RenameTableAction))]
    [InlineData("ALTER TABLE a RENAME COLUMN x TO y", typeof(RenameColumnAction))]
    [InlineData("ALTER TABLE a RENAME x TO y", typeof(RenameColumnAction))]
    [InlineData("ALTER TABLE a RENAME CONSTRAINT x TO y", typeof(RenameConstraintAction))]
    [InlineData("ALTER TABLE a SET SCHEMA s", typeof(SetSchemaAction))]
    [InlineData("ALTER TABLE p ATTACH PARTITION p1 FOR VALUES FROM (1, 'a') TO (10, 'z')", typeof(AttachPartitionAction))]
    [InlineData("ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY", typeof(DetachPartitionAction))]
    [InlineData("ALTER TABLE a SET UNLOGGED", typeof(RewriteTableAction))]
    public void Alter_table_single_actions(string sql, Type action) =>
        Assert.IsType(action, Assert.Single(ClassifierAssert.Classify<AlterTableStatement>(sql).Actions));

    [Fact]
    public void Drizzle_statements_with_quoted_qualified_names()
    {
        var add = ClassifierAssert.Classify<AlterTableStatement>(
            """ALTER TABLE "order_items" ADD CONSTRAINT "fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action""");

        var fk = Assert.IsType<AddConstraintAction>(Assert.Single(add.Actions)).Constraint;
        Assert.Equal((ConstraintKind.ForeignKey, "fk", false), (fk.Kind, fk.Name, fk.NotValid));
        Assert.Equal(new ObjectName("public", "orders"), fk.ReferencedTable);
        Assert.Equal(["id"], fk.ReferencedColumns);
    }

    [Fact]
    public void Enum_statements()
    {
        var create = ClassifierAssert.Classify<CreateEnumStatement>("CREATE TYPE \"public\".\"order_status\" AS ENUM('pending', 'it''s paid')");
        var add = ClassifierAssert.Classify<AddEnumValueStatement>("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' BEFORE 'paid'");

        Assert.Equal(["pending", "it's paid"], create.Values);
        Assert.Equal(("refunded", "paid", true, true), (add.Value, add.Neighbour, add.Before, add.IfNotExists));
    }

    [Theory]
    [InlineData("SET lock_timeout = '5s'", "lock_timeout", "5s", false)]
    [InlineData("set local statement_timeout to 1000", "statement_timeout", "1000", true)]
    [InlineData("SET SESSION lock_timeout TO DEFAULT", "lock_timeout", null, false)]
    [InlineData("RESET lock_timeout", "lock_timeout", null, false)]
    [InlineData("SELECT set_config('lock_timeout', '3s', true)", "lock_timeout", "3s", true)]
    [InlineData("SET myapp.tenant = 'a'", "myapp.tenant", "a", false)]
    public void Settings(string sql, string name, string? value, bool local)
    {
        var set = ClassifierAssert.Classify<SetStatement>(sql);

        Assert.Equal((name, value, local), (set.Name, set.Value, set.Local));
    }

    [Theory]
    [InlineData("BEGIN", TransactionAction.Begin)]
    [InlineData("BEGIN ISOLATION LEVEL SERIALIZABLE", TransactionAction.Begin)]
    [InlineData("START TRANSACTION READ WRITE", TransactionAction.Begin)]
    [InlineData("COMMIT AND NO CHAIN", TransactionAction.Commit)]
    [InlineData("END TRANSACTION", TransactionAction.Commit)]
    [InlineData("ROLLBACK", TransactionAction.Rollback)]
    [InlineData("ABORT", TransactionAction.Rollback)]
    [InlineData("ROLLBACK TO SAVEPOINT s", TransactionAction.RollbackToSavepoint)]
    [InlineData("SAVEPOINT s", TransactionAction.Savepoint)]
    [InlineData("RELEASE s", TransactionAction.ReleaseSavepoint)]
    [InlineData("PREPARE TRANSACTION 'x'", TransactionAction.PrepareTransaction)]
    public void Transactions(string sql, TransactionAction action) =>
        Assert.Equal(action, ClassifierAssert.Classify<TransactionStatement>(sql).Action);

    [Fact]
    public void Other_statements()
    {
        Assert.Equal(["a", "b"], ClassifierAssert.Classify<DropIndexStatement>("DROP INDEX IF EXISTS a, b CASCADE").Indexes.Select(i => i.Name));
        Assert.Equal(DroppedObjectKind.Database, ClassifierAssert.Classify<DropStatement>("DROP DATABASE shop WITH (FORCE)").Kind);
        Assert.True(ClassifierAssert.Classify<TruncateStatement>("TRUNCATE ONLY a, b * RESTART IDENTITY CASCADE").Cascade);
        Assert.True(ClassifierAssert.Classify<VacuumStatement>("VACUUM (VERBOSE, FULL true) a (x), b").Full);
        Assert.False(ClassifierAssert.Classify<VacuumStatement>("VACUUM (FULL false) a").Full);
        Assert.Equal("orders", ClassifierAssert.Classify<ClusterStatement>("CLUSTER orders_pkey ON orders").Table?.Name);
        Assert.Equal(LockMode.ShareRowExclusive, ClassifierAssert.Classify<LockStatement>("LOCK TABLE a IN SHARE ROW EXCLUSIVE MODE NOWAIT").Mode);
        Assert.True(ClassifierAssert.Classify<ReindexStatement>("REINDEX (CONCURRENTLY, VERBOSE) TABLE t").Concurrently);
        Assert.Equal("t", ClassifierAssert.Classify<CreateTriggerStatement>(
            "CREATE TRIGGER tr BEFORE UPDATE OF a, b ON t FOR EACH ROW EXECUTE FUNCTION f()").Table.Name);
        Assert.Equal(Volatility.Immutable, ClassifierAssert.Classify<CreateFunctionStatement>(
            "CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT x $$").Volatility);
        Assert.True(ClassifierAssert.Classify<RefreshMaterializedViewStatement>("REFRESH MATERIALIZED VIEW CONCURRENTLY mv").Concurrently);
        Assert.Equal("materialized view", ClassifierAssert.Classify<CreateOtherStatement>("CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 1").ObjectKind);
    }

    [Theory]
    [InlineData("UPDATE ONLY orders AS o SET a = 1 WHERE id = 2", DmlKind.Update, "orders", true)]
    [InlineData("WITH x AS (SELECT 1), y AS MATERIALIZED (SELECT 2) DELETE FROM s.t", DmlKind.Delete, "t", false)]
    [InlineData("INSERT INTO t SELECT * FROM u WHERE a", DmlKind.Insert, "t", true)]
    [InlineData("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", DmlKind.Merge, "t", false)]
    public void Data_changes(string sql, DmlKind kind, string table, bool hasWhere)
    {
        var dml = ClassifierAssert.Classify<DmlStatement>(sql);

        Assert.Equal((kind, table, hasWhere), (dml.Kind, dml.Table.Name, dml.HasWhere));
    }

    [Theory]
    [InlineData("DO $$ BEGIN EXECUTE 'ALTER TABLE t ADD c int'; END $$")]
    [InlineData("CALL migrate_things()")]
    public void Procedural_code_is_opaque(string sql) => ClassifierAssert.Classify<OpaqueStatement>(sql);

    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("GRANT SELECT ON t TO app")]
    [InlineData("COMMENT ON TABLE t IS 'x'")]
    [InlineData("COPY t FROM STDIN")]
    [InlineData("ALTER INDEX i RENAME TO j")]
    [InlineData("ALTER TYPE mood RENAME VALUE 'a' TO 'b'")]
    [InlineData("COMMIT PREPARED 'x'")]
    [InlineData("42")]
    public void Statements_without_a_rule_are_unclassified(string sql) => ClassifierAssert.Classify<UnclassifiedStatement>(sql);

    [Theory]
    [InlineData("ALTER TABLE", "the statement ends too early")]
    [InlineData("ALTER TABLE 42 ADD c int", "expected a name here")]
    [InlineData("ALTER TABLE t", "ALTER TABLE without an action")]
    [InlineData("ALTER TABLE t ADD COLUMN", "the statement ends too early")]
    [InlineData("CREATE TABLE t (a int", "a parenthesis is not closed")]
    [InlineData("CREATE INDEX ON", "the statement ends too early")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT c FOREIGN KEY (a) NOT VALID", "expected REFERENCES here")]
    public void Broken_ddl_is_unparsed_with_the_reason(string sql, string reason) =>
        Assert.StartsWith(reason, ClassifierAssert.Classify<UnparsedStatement>(sql).Reason, StringComparison.Ordinal);
}
