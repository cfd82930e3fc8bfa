using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Trace.Internal;

/// <summary>How a statement interacts with transactions, which decides how the tracer runs it.</summary>
internal enum StatementKind
{
    /// <summary>Anything that can run inside a transaction.</summary>
    Ordinary,

    /// <summary>BEGIN / START TRANSACTION.</summary>
    Begin,

    /// <summary>COMMIT / END.</summary>
    Commit,

    /// <summary>ROLLBACK / ABORT (not ROLLBACK TO SAVEPOINT).</summary>
    Rollback,

    /// <summary>PostgreSQL refuses it inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, …).</summary>
    NoTransaction,
}

internal static class StatementKinds
{
    public static StatementKind Classify(SqlStatement statement, int pgMajor)
    {
        var words = statement.SignificantTokens.Select(t => t.Kind == SqlTokenKind.Identifier ? t.Text.ToUpperInvariant() : t.Text).ToList();
        string At(int i) => i < words.Count ? words[i] : string.Empty;

        switch (At(0))
        {
            case "BEGIN":
            case "START" when At(1) == "TRANSACTION":
                return StatementKind.Begin;
            case "COMMIT" or "END" when At(1) != "PREPARED":
                return StatementKind.Commit;
            case "ROLLBACK" or "ABORT" when At(1) is not ("TO" or "PREPARED"):
                return StatementKind.Rollback;
            case "VACUUM":
            case "CREATE" or "DROP" when At(1) is "DATABASE" or "TABLESPACE":
            case "ALTER" when At(1) == "SYSTEM":
            case "REINDEX" when At(1) is "DATABASE" or "SYSTEM":
                return StatementKind.NoTransaction;
            case "CLUSTER" when words.Count == 1:
                return StatementKind.NoTransaction;
        }

        // CREATE [UNIQUE] INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX … CONCURRENTLY, ALTER TABLE … DETACH PARTITION …
        // CONCURRENTLY; REFRESH MATERIALIZED VIEW CONCURRENTLY is the one that may run in a transaction.
        if (At(0) is "CREATE" or "DROP" or "REINDEX" or "ALTER" && words.Contains("CONCURRENTLY"))
        {
            return StatementKind.NoTransaction;
        }

        // Before PostgreSQL 12, ALTER TYPE … ADD VALUE could not run inside a transaction block.
        if (pgMajor < 12 && At(0) == "ALTER" && At(1) == "TYPE" && words.Contains("ADD") && words.Contains("VALUE"))
        {
            return StatementKind.NoTransaction;
        }

        return StatementKind.Ordinary;
    }
}
