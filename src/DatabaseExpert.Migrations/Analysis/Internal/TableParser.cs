using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Internal;

/// <summary>CREATE TABLE and ALTER TABLE.</summary>
internal static class TableParser
{
    /// <summary>The cursor is just after TABLE.</summary>
    public static CreateTableStatement CreateTable(SqlStatement sql, TokenCursor cursor, bool temporary)
    {
        var ifNotExists = cursor.AcceptSequence("if", "not", "exists");
        var (table, token) = cursor.ReadObjectName();
        var statement = new CreateTableStatement(sql, table, token.Start) { IfNotExists = ifNotExists, Temporary = temporary };
        if (cursor.AcceptSequence("partition", "of"))
        {
            statement = statement with { PartitionOf = cursor.ReadObjectName().Name };
        }
        else if (cursor.Accept("of"))
        {
            cursor.ReadObjectName();
        }

        if (cursor.IsPunctuation('('))
        {
            var open = cursor.Index;
            cursor.ReadParenthesized();
            if (cursor.IsKeyword("as"))
            {
                return statement with { FromQuery = true };
            }

            cursor.Index = open;
            statement = ReadElements(cursor, statement);
        }
        else if (cursor.IsKeyword("as"))
        {
            return statement with { FromQuery = true };
        }

        return statement;
    }

    /// <summary>The cursor is just after ALTER TABLE.</summary>
    public static AnalyzedStatement AlterTable(SqlStatement sql, TokenCursor cursor)
    {
        if (cursor.IsSequence("all", "in", "tablespace"))
        {
            return new UnclassifiedStatement(sql);
        }

        var ifExists = cursor.AcceptSequence("if", "exists");
        cursor.Accept("only");
        var (table, _) = cursor.ReadObjectName();
        if (cursor.IsOperator("*"))
        {
            cursor.Index++;
        }

        var actions = new List<AlterTableAction>();
        while (!cursor.AtEnd)
        {
            var start = cursor.Index;
            var action = AlterTableActionParser.Read(cursor);
            // Whatever the action reader left before the next comma belongs to the same action.
            cursor.ReadUntil(c => c.IsPunctuation(','));
            var text = TokenCursor.TextOf(Slice(cursor, start, cursor.Index));
            actions.Add(action with { Text = text });
            if (!cursor.AcceptPunctuation(','))
            {
                if (!cursor.AtEnd)
                {
                    throw cursor.Error($"unexpected '{cursor.Current.Text}' in ALTER TABLE");
                }
            }
        }

        if (actions.Count == 0)
        {
            throw cursor.Error("ALTER TABLE without an action");
        }

        return new AlterTableStatement(sql, table, actions) { IfExists = ifExists };
    }

    public static List<SqlToken> Slice(TokenCursor cursor, int from, int to)
    {
        var tokens = new List<SqlToken>(to - from);
        for (var i = from; i < to; i++)
        {
            tokens.Add(cursor.TokenAt(i));
        }

        return tokens;
    }

    private static CreateTableStatement ReadElements(TokenCursor cursor, CreateTableStatement statement)
    {
        cursor.ExpectPunctuation('(');
        var columns = new List<ColumnDefinition>();
        var constraints = new List<TableConstraint>();
        while (!cursor.AcceptPunctuation(')'))
        {
            if (DefinitionParser.AtTableConstraint(cursor))
            {
                constraints.Add(DefinitionParser.ReadConstraint(cursor));
            }
            else if (cursor.IsKeyword("like"))
            {
                cursor.ReadUntil(c => c.IsPunctuation(','));
            }
            else if (statement.PartitionOf is not null && cursor.Peek(1) is { } next && (next.IsKeyword("with") || next.IsKeyword("not")
                || next.IsKeyword("default") || next.IsPunctuation(',') || next.IsPunctuation(')')))
            {
                // A partition's column options (`col WITH OPTIONS NOT NULL`) name no type.
                cursor.ReadUntil(c => c.IsPunctuation(','));
            }
            else
            {
                columns.Add(DefinitionParser.ReadColumn(cursor));
            }

            if (!cursor.AcceptPunctuation(',') && !cursor.IsPunctuation(')'))
            {
                throw cursor.Error(cursor.AtEnd ? "the column list is not closed" : $"unexpected '{cursor.Current.Text}' in the column list");
            }
        }

        return statement with { Columns = columns, Constraints = constraints };
    }
}
