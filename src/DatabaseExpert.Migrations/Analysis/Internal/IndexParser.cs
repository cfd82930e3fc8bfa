using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Internal;

/// <summary>CREATE INDEX, DROP INDEX, REINDEX.</summary>
internal static class IndexParser
{
    /// <summary>The cursor is on INDEX (after CREATE [UNIQUE]).</summary>
    public static CreateIndexStatement CreateIndex(SqlStatement sql, TokenCursor cursor, bool unique)
    {
        var indexToken = cursor.Next();
        var concurrently = cursor.Accept("concurrently");
        var ifNotExists = cursor.AcceptSequence("if", "not", "exists");
        string? name = null;
        if (!cursor.IsKeyword("on"))
        {
            name = cursor.ReadName().Value;
        }

        cursor.Expect("on");
        cursor.Accept("only");
        var (table, _) = cursor.ReadObjectName();
        string? method = null;
        if (cursor.Accept("using"))
        {
            method = cursor.ReadName().Value;
        }

        var keys = DefinitionParser.Names(cursor.ReadParenthesized());
        var include = false;
        var nullsNotDistinct = false;
        while (!cursor.AtEnd)
        {
            if (cursor.IsKeyword("include") && cursor.IsPunctuation('(', 1))
            {
                include = true;
                cursor.Index++;
                cursor.ReadParenthesized();
            }
            else if (cursor.AcceptSequence("nulls", "not", "distinct"))
            {
                nullsNotDistinct = true;
            }
            else
            {
                // WITH (…), TABLESPACE t, WHERE predicate: nothing the rules need.
                break;
            }
        }

        return new CreateIndexStatement(sql, name, table)
        {
            Unique = unique,
            Concurrently = concurrently,
            IfNotExists = ifNotExists,
            Method = method,
            Keys = keys,
            HasInclude = include,
            NullsNotDistinct = nullsNotDistinct,
            IndexKeywordEnd = indexToken.EndOffset - sql.Start.Offset,
        };
    }

    /// <summary>The cursor is just after DROP INDEX.</summary>
    public static DropIndexStatement DropIndex(SqlStatement sql, TokenCursor cursor)
    {
        var concurrently = cursor.Accept("concurrently");
        var ifExists = cursor.AcceptSequence("if", "exists");
        var names = ReadNameList(cursor);
        var cascade = cursor.Accept("cascade");
        return new DropIndexStatement(sql, names) { Concurrently = concurrently, IfExists = ifExists, Cascade = cascade };
    }

    /// <summary>The cursor is just after REINDEX.</summary>
    public static ReindexStatement Reindex(SqlStatement sql, TokenCursor cursor)
    {
        var concurrently = false;
        if (cursor.IsPunctuation('('))
        {
            var options = cursor.ReadParenthesized();
            for (var i = 0; i < options.Count; i++)
            {
                if (options[i].IsKeyword("concurrently"))
                {
                    var value = i + 1 < options.Count && !options[i + 1].IsPunctuation(',') ? options[i + 1].Value : null;
                    concurrently = value is null or "true" or "on" or "1";
                }
            }
        }

        var target = cursor.Next().Value switch
        {
            "index" => ReindexTarget.Index,
            "table" => ReindexTarget.Table,
            "schema" => ReindexTarget.Schema,
            "database" => ReindexTarget.Database,
            "system" => ReindexTarget.System,
            var other => throw cursor.Error($"REINDEX {other?.ToUpperInvariant()} is not a REINDEX target"),
        };
        concurrently |= cursor.Accept("concurrently");
        var name = cursor.AtEnd ? null : cursor.ReadObjectName().Name;
        return new ReindexStatement(sql, target, name) { Concurrently = concurrently };
    }

    /// <summary><c>name [*] [, name …]</c>.</summary>
    public static List<ObjectName> ReadNameList(TokenCursor cursor)
    {
        var names = new List<ObjectName>();
        do
        {
            cursor.Accept("only");
            names.Add(cursor.ReadObjectName().Name);
            if (cursor.IsOperator("*"))
            {
                cursor.Index++;
            }
        }
        while (cursor.AcceptPunctuation(','));

        return names;
    }
}
