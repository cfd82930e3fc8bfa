using DatabaseExpert.Migrations.Analysis.Internal;
using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis;

/// <summary>
/// Reads what a statement does: a small recursive-descent reader of the DDL the rules need (CREATE TABLE, CREATE INDEX,
/// ALTER TABLE and its actions, ALTER TYPE … ADD VALUE, drops, TRUNCATE, VACUUM, CLUSTER, SET, transactions …).
/// Statements it has no use for are <see cref="UnclassifiedStatement"/>; a relevant statement it cannot follow is an
/// <see cref="UnparsedStatement"/> with the reason. It never throws for bad SQL.
/// </summary>
public static class StatementClassifier
{
    public static AnalyzedStatement Classify(SqlStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var cursor = new TokenCursor(statement);
        if (cursor.AtEnd)
        {
            return new UnclassifiedStatement(statement);
        }

        try
        {
            return Dispatch(statement, cursor);
        }
        catch (ParseException ex)
        {
            return new UnparsedStatement(statement, ex.Message, ex.Position);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A gap in this reader must not stop a lint run: the statement is reported as not analysed.
            return new UnparsedStatement(statement, $"dbx's reader failed on it: {ex.GetType().Name}", statement.Start);
        }
    }

    private static AnalyzedStatement Dispatch(SqlStatement sql, TokenCursor cursor)
    {
        var first = cursor.Current;
        if (first.Kind != SqlTokenKind.Identifier)
        {
            return new UnclassifiedStatement(sql);
        }

        switch (first.Value)
        {
            case "create":
                cursor.Index++;
                return Create(sql, cursor);
            case "alter":
                cursor.Index++;
                if (cursor.Accept("table"))
                {
                    return TableParser.AlterTable(sql, cursor);
                }

                if (cursor.Accept("domain"))
                {
                    var domain = cursor.ReadObjectName().Name;
                    var adds = cursor.Accept("add");
                    return new AlterDomainStatement(sql, domain, adds, adds && sql.SignificantTokens.TakeLast(2).Select(t => t.Value).SequenceEqual(["not", "valid"]));
                }

                return cursor.Accept("type") ? OtherParsers.AlterType(sql, cursor)
                    : cursor.Accept("sequence") ? Sequence(sql, cursor, create: false)
                    : new UnclassifiedStatement(sql);
            case "drop":
                cursor.Index++;
                return cursor.Accept("index") ? IndexParser.DropIndex(sql, cursor) : OtherParsers.Drop(sql, cursor);
            case "reindex":
                cursor.Index++;
                return IndexParser.Reindex(sql, cursor);
            case "truncate":
                cursor.Index++;
                return OtherParsers.Truncate(sql, cursor);
            case "vacuum":
                cursor.Index++;
                return OtherParsers.Vacuum(sql, cursor);
            case "cluster":
                cursor.Index++;
                return OtherParsers.Cluster(sql, cursor);
            case "set":
                cursor.Index++;
                return OtherParsers.Set(sql, cursor);
            case "reset":
                cursor.Index++;
                return OtherParsers.Reset(sql, cursor);
            case "select":
                cursor.Index++;
                return OtherParsers.Select(sql, cursor);
            case "begin" or "start" or "commit" or "end" or "rollback" or "abort" or "savepoint" or "release":
                return OtherParsers.Transaction(sql, cursor);
            case "prepare" when cursor.IsKeyword("transaction", 1):
                return OtherParsers.Transaction(sql, cursor);
            case "lock":
                cursor.Index++;
                return OtherParsers.Lock(sql, cursor);
            case "insert" or "update" or "delete" or "merge" or "with":
                return OtherParsers.Dml(sql, cursor);
            case "refresh" when cursor.IsSequence("refresh", "materialized", "view"):
                cursor.Index += 3;
                var concurrently = cursor.Accept("concurrently");
                return new RefreshMaterializedViewStatement(sql, cursor.ReadObjectName().Name, concurrently);
            case "do":
                return new OpaqueStatement(sql, "a DO block runs procedural code whose statements dbx does not read");
            case "call":
                return new OpaqueStatement(sql, "CALL runs a procedure whose statements dbx does not read");
            default:
                return new UnclassifiedStatement(sql);
        }
    }

    private static AnalyzedStatement Create(SqlStatement sql, TokenCursor cursor)
    {
        cursor.AcceptSequence("or", "replace");
        if (cursor.IsKeyword("unique") && cursor.IsKeyword("index", 1))
        {
            cursor.Index++;
            return IndexParser.CreateIndex(sql, cursor, unique: true);
        }

        if (cursor.IsKeyword("index"))
        {
            return IndexParser.CreateIndex(sql, cursor, unique: false);
        }

        var temporary = false;
        if (cursor.Accept("global") || cursor.Accept("local"))
        {
            temporary = true;
        }

        if (cursor.Accept("temporary") || cursor.Accept("temp"))
        {
            temporary = true;
        }

        cursor.Accept("unlogged");
        if (cursor.Accept("table"))
        {
            return TableParser.CreateTable(sql, cursor, temporary);
        }

        if (cursor.Accept("sequence"))
        {
            return Sequence(sql, cursor, create: true);
        }

        if (cursor.Accept("type"))
        {
            return OtherParsers.CreateType(sql, cursor);
        }

        if (cursor.Accept("function") || cursor.Accept("procedure"))
        {
            return OtherParsers.CreateFunction(sql, cursor);
        }

        cursor.Accept("constraint");
        if (cursor.Accept("trigger"))
        {
            return OtherParsers.CreateTrigger(sql, cursor);
        }

        foreach (var kind in (string[])["view", "schema", "extension", "database", "domain"])
        {
            if (cursor.Accept(kind))
            {
                return Other(sql, cursor, kind);
            }
        }

        if (cursor.AcceptSequence("materialized", "view"))
        {
            return Other(sql, cursor, "materialized view");
        }

        if (cursor.AcceptSequence("recursive", "view"))
        {
            return Other(sql, cursor, "view");
        }

        return new UnclassifiedStatement(sql);
    }

    private static CreateOtherStatement Other(SqlStatement sql, TokenCursor cursor, string kind)
    {
        cursor.AcceptSequence("if", "not", "exists");
        var name = cursor.Peek(0) is { IsName: true } ? cursor.ReadObjectName().Name : null;
        return new CreateOtherStatement(sql, kind, name);
    }

    private static SequenceStatement Sequence(SqlStatement sql, TokenCursor cursor, bool create)
    {
        if (create)
        {
            cursor.AcceptSequence("if", "not", "exists");
        }
        else
        {
            cursor.AcceptSequence("if", "exists");
        }

        return new SequenceStatement(sql, cursor.ReadObjectName().Name, create);
    }
}
