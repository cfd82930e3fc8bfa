namespace DatabaseExpert.Migrations.Sources.Internal;

/// <summary>
/// Tools that send a whole file as one simple-protocol query (Prisma, golang-migrate, dbmate with transaction:false):
/// PostgreSQL runs such a multi-statement query as one implicit transaction, so a file with several statements behaves
/// as if wrapped in BEGIN … COMMIT (CONCURRENTLY fails, everything rolls back together), while a file with a single
/// statement runs in autocommit. Verified on PostgreSQL 15: <c>psql -c "CREATE TABLE t(a int); CREATE INDEX
/// CONCURRENTLY …"</c> fails with "cannot run inside a transaction block" and leaves no table behind.
/// </summary>
internal static class ImplicitTransaction
{
    public static (bool RunsInTransaction, string Note) For(string tool, string text)
    {
        var statements = SourceReadContext.StatementCount(text);
        return statements > 1
            ? (true, $"{tool} sends the file as one query; PostgreSQL runs its {statements} statements as one implicit transaction")
            : (false, $"{tool} sends the file as one query; with a single statement it runs in autocommit (no transaction)");
    }
}
