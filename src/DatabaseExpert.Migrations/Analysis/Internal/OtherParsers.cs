using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Postgres.Sql;

using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Analysis.Internal;

/// <summary>The shorter statements: types, drops, TRUNCATE, VACUUM, CLUSTER, SET, transactions, LOCK, DML, triggers, functions.</summary>
internal static class OtherParsers
{
    /// <summary>The cursor is just after CREATE TYPE.</summary>
    public static AnalyzedStatement CreateType(SqlStatement sql, TokenCursor cursor)
    {
        var (type, _) = cursor.ReadObjectName();
        if (!cursor.AcceptSequence("as", "enum"))
        {
            return new CreateOtherStatement(sql, "type", type);
        }

        var values = cursor.ReadParenthesized()
            .Where(t => t.IsStringLiteral)
            .Select(t => t.Value ?? t.Text)
            .ToList();
        return new CreateEnumStatement(sql, type, values);
    }

    /// <summary>The cursor is just after ALTER TYPE.</summary>
    public static AnalyzedStatement AlterType(SqlStatement sql, TokenCursor cursor)
    {
        var (type, _) = cursor.ReadObjectName();
        if (!cursor.AcceptSequence("add", "value"))
        {
            return new UnclassifiedStatement(sql);
        }

        var ifNotExists = cursor.AcceptSequence("if", "not", "exists");
        var value = cursor.Next();
        if (!value.IsStringLiteral)
        {
            throw new ParseException("ADD VALUE needs a string literal", value.Start);
        }

        var statement = new AddEnumValueStatement(sql, type, value.Value ?? value.Text, value.Start) { IfNotExists = ifNotExists };
        if (cursor.IsKeyword("before") || cursor.IsKeyword("after"))
        {
            var before = cursor.Next().IsKeyword("before");
            var neighbour = cursor.Next();
            statement = statement with { Before = before, Neighbour = neighbour.Value ?? neighbour.Text };
        }

        return statement;
    }

    /// <summary>The cursor is on the object kind after DROP (INDEX is handled elsewhere).</summary>
    public static AnalyzedStatement Drop(SqlStatement sql, TokenCursor cursor)
    {
        DroppedObjectKind kind;
        if (cursor.Accept("table"))
        {
            kind = DroppedObjectKind.Table;
        }
        else if (cursor.Accept("type"))
        {
            kind = DroppedObjectKind.Type;
        }
        else if (cursor.Accept("database"))
        {
            kind = DroppedObjectKind.Database;
        }
        else if (cursor.Accept("schema"))
        {
            kind = DroppedObjectKind.Schema;
        }
        else if (cursor.Accept("view"))
        {
            kind = DroppedObjectKind.View;
        }
        else if (cursor.AcceptSequence("materialized", "view"))
        {
            kind = DroppedObjectKind.MaterializedView;
        }
        else if (cursor.Accept("sequence"))
        {
            kind = DroppedObjectKind.Sequence;
        }
        else
        {
            return new UnclassifiedStatement(sql);
        }

        var ifExists = cursor.AcceptSequence("if", "exists");
        var names = IndexParser.ReadNameList(cursor);
        var cascade = cursor.Accept("cascade");
        return new DropStatement(sql, kind, names) { IfExists = ifExists, Cascade = cascade };
    }

    /// <summary>The cursor is just after TRUNCATE.</summary>
    public static TruncateStatement Truncate(SqlStatement sql, TokenCursor cursor)
    {
        cursor.Accept("table");
        var tables = IndexParser.ReadNameList(cursor);
        var cascade = false;
        while (!cursor.AtEnd)
        {
            cascade |= cursor.Next().IsKeyword("cascade");
        }

        return new TruncateStatement(sql, tables, cascade);
    }

    /// <summary>The cursor is just after VACUUM.</summary>
    public static VacuumStatement Vacuum(SqlStatement sql, TokenCursor cursor)
    {
        var full = false;
        if (cursor.IsPunctuation('('))
        {
            var options = cursor.ReadParenthesized();
            for (var i = 0; i < options.Count; i++)
            {
                if (options[i].IsKeyword("full"))
                {
                    var value = i + 1 < options.Count && !options[i + 1].IsPunctuation(',') ? options[i + 1].Value : null;
                    full = value is null or "true" or "on" or "1";
                }
            }
        }

        while (cursor.IsKeyword("full") || cursor.IsKeyword("freeze") || cursor.IsKeyword("verbose") || cursor.IsKeyword("analyze")
            || cursor.IsKeyword("analyse"))
        {
            full |= cursor.Next().IsKeyword("full");
        }

        var tables = new List<ObjectName>();
        while (!cursor.AtEnd)
        {
            tables.Add(cursor.ReadObjectName().Name);
            if (cursor.IsPunctuation('('))
            {
                cursor.ReadParenthesized();
            }

            if (!cursor.AcceptPunctuation(','))
            {
                break;
            }
        }

        return new VacuumStatement(sql, full, tables);
    }

    /// <summary>The cursor is just after CLUSTER.</summary>
    public static ClusterStatement Cluster(SqlStatement sql, TokenCursor cursor)
    {
        if (cursor.IsPunctuation('('))
        {
            cursor.ReadParenthesized();
        }

        cursor.Accept("verbose");
        if (cursor.AtEnd)
        {
            return new ClusterStatement(sql, null);
        }

        var (first, _) = cursor.ReadObjectName();
        // The old form is CLUSTER index ON table.
        return new ClusterStatement(sql, cursor.Accept("on") ? cursor.ReadObjectName().Name : first);
    }

    /// <summary>The cursor is just after SET.</summary>
    public static AnalyzedStatement Set(SqlStatement sql, TokenCursor cursor)
    {
        var local = cursor.Accept("local");
        if (!local)
        {
            cursor.Accept("session");
        }

        if (cursor.IsKeyword("role") || cursor.IsKeyword("transaction") || cursor.IsKeyword("constraints") || cursor.IsKeyword("characteristics")
            || cursor.IsKeyword("authorization") || cursor.IsSequence("time", "zone"))
        {
            return new UnclassifiedStatement(sql);
        }

        var name = ReadSettingName(cursor);
        if (cursor.IsOperator("="))
        {
            cursor.Index++;
        }
        else if (!cursor.Accept("to"))
        {
            throw cursor.Error("expected TO or = after the setting name");
        }

        var values = cursor.ReadUntil(_ => false);
        var value = values.Count == 1 && values[0].IsKeyword("default") ? null : string.Concat(values.Select(v => v.Value ?? v.Text));
        return new SetStatement(sql, name, value, local);
    }

    /// <summary>The cursor is just after RESET.</summary>
    public static AnalyzedStatement Reset(SqlStatement sql, TokenCursor cursor) =>
        cursor.IsKeyword("all") ? new SetStatement(sql, "all", null, Local: false) : new SetStatement(sql, ReadSettingName(cursor), null, Local: false);

    /// <summary><c>SELECT set_config('name', 'value', is_local)</c> alone; anything else is unclassified.</summary>
    public static AnalyzedStatement Select(SqlStatement sql, TokenCursor cursor)
    {
        if (!cursor.IsKeyword("set_config") || !cursor.IsPunctuation('(', 1))
        {
            return new UnclassifiedStatement(sql);
        }

        cursor.Index++;
        var arguments = cursor.ReadParenthesized().Where(t => !t.IsPunctuation(',')).ToList();
        if (!cursor.AtEnd || arguments.Count != 3 || !arguments[0].IsStringLiteral)
        {
            return new UnclassifiedStatement(sql);
        }

        var local = arguments[2].IsKeyword("true") || arguments[2].Value is "t" or "on" or "true";
        return new SetStatement(sql, (arguments[0].Value ?? string.Empty).ToLowerInvariant(), arguments[1].Value, local);
    }

    public static AnalyzedStatement Transaction(SqlStatement sql, TokenCursor cursor)
    {
        var first = cursor.Next();
        if (first.IsKeyword("begin") || first.IsKeyword("start"))
        {
            return new TransactionStatement(sql, TransactionAction.Begin);
        }

        if (first.IsKeyword("savepoint"))
        {
            return new TransactionStatement(sql, TransactionAction.Savepoint);
        }

        if (first.IsKeyword("release"))
        {
            return new TransactionStatement(sql, TransactionAction.ReleaseSavepoint);
        }

        if (first.IsKeyword("prepare"))
        {
            return new TransactionStatement(sql, TransactionAction.PrepareTransaction);
        }

        cursor.Accept("work");
        cursor.Accept("transaction");
        if (cursor.IsKeyword("prepared"))
        {
            // COMMIT PREPARED / ROLLBACK PREPARED act on another, prepared transaction.
            return new UnclassifiedStatement(sql);
        }

        if (first.IsKeyword("rollback") && cursor.Accept("to"))
        {
            return new TransactionStatement(sql, TransactionAction.RollbackToSavepoint);
        }

        return new TransactionStatement(sql, first.IsKeyword("rollback") || first.IsKeyword("abort") ? TransactionAction.Rollback : TransactionAction.Commit);
    }

    /// <summary>The cursor is just after LOCK.</summary>
    public static LockStatement Lock(SqlStatement sql, TokenCursor cursor)
    {
        cursor.Accept("table");
        var tables = IndexParser.ReadNameList(cursor);
        var mode = LockMode.AccessExclusive;
        if (cursor.Accept("in"))
        {
            var words = cursor.ReadUntil(c => c.IsKeyword("mode")).Select(t => t.Value).ToList();
            mode = string.Join(' ', words) switch
            {
                "access share" => LockMode.AccessShare,
                "row share" => LockMode.RowShare,
                "row exclusive" => LockMode.RowExclusive,
                "share update exclusive" => LockMode.ShareUpdateExclusive,
                "share" => LockMode.Share,
                "share row exclusive" => LockMode.ShareRowExclusive,
                "exclusive" => LockMode.Exclusive,
                _ => LockMode.AccessExclusive,
            };
        }

        return new LockStatement(sql, tables, mode);
    }

    /// <summary>INSERT / UPDATE / DELETE / MERGE, possibly after a WITH clause; the cursor is at the start.</summary>
    public static AnalyzedStatement Dml(SqlStatement sql, TokenCursor cursor)
    {
        if (cursor.Accept("with"))
        {
            cursor.Accept("recursive");
            do
            {
                cursor.ReadName();
                if (cursor.IsPunctuation('('))
                {
                    cursor.ReadParenthesized();
                }

                cursor.Expect("as");
                cursor.Accept("not");
                cursor.Accept("materialized");
                cursor.ReadParenthesized();
            }
            while (cursor.AcceptPunctuation(','));
        }

        DmlKind kind;
        if (cursor.AcceptSequence("insert", "into"))
        {
            kind = DmlKind.Insert;
        }
        else if (cursor.Accept("update"))
        {
            kind = DmlKind.Update;
        }
        else if (cursor.AcceptSequence("delete", "from"))
        {
            kind = DmlKind.Delete;
        }
        else if (cursor.AcceptSequence("merge", "into"))
        {
            kind = DmlKind.Merge;
        }
        else
        {
            return new UnclassifiedStatement(sql);
        }

        cursor.Accept("only");
        var (table, _) = cursor.ReadObjectName();
        var hasWhere = false;
        while (!cursor.AtEnd)
        {
            cursor.ReadUntil(c => c.IsKeyword("where"));
            if (cursor.Accept("where"))
            {
                hasWhere = true;
            }
            else if (!cursor.AtEnd)
            {
                cursor.Index++;
            }
        }

        return new DmlStatement(sql, kind, table, hasWhere);
    }

    /// <summary>The cursor is just after TRIGGER (CREATE [OR REPLACE] [CONSTRAINT] TRIGGER).</summary>
    public static AnalyzedStatement CreateTrigger(SqlStatement sql, TokenCursor cursor)
    {
        cursor.ReadName();
        cursor.ReadUntil(c => c.IsKeyword("on"));
        cursor.Expect("on");
        return new CreateTriggerStatement(sql, cursor.ReadObjectName().Name);
    }

    /// <summary>The cursor is just after FUNCTION or PROCEDURE.</summary>
    public static AnalyzedStatement CreateFunction(SqlStatement sql, TokenCursor cursor)
    {
        var (name, _) = cursor.ReadObjectName();
        var volatility = Volatility.Volatile;
        while (!cursor.AtEnd)
        {
            var token = cursor.Next();
            if (token.IsKeyword("immutable"))
            {
                volatility = Volatility.Immutable;
            }
            else if (token.IsKeyword("stable"))
            {
                volatility = Volatility.Stable;
            }
            else if (token.IsKeyword("atomic"))
            {
                break;
            }
        }

        return new CreateFunctionStatement(sql, name, volatility);
    }

    private static string ReadSettingName(TokenCursor cursor)
    {
        var name = cursor.ReadName().Value;
        while (cursor.AcceptPunctuation('.'))
        {
            name += "." + cursor.ReadName().Value;
        }

        return name;
    }
}
