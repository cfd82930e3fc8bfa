using DatabaseExpert.Migrations.Analysis.Statements;

using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Analysis.Internal;

/// <summary>One action of ALTER TABLE. Actions it does not model become <see cref="OtherAlterTableAction"/> with their lock.</summary>
internal static class AlterTableActionParser
{
    public static AlterTableAction Read(TokenCursor cursor)
    {
        var at = cursor.Position;
        if (cursor.Accept("add"))
        {
            if (!cursor.IsKeyword("column") && DefinitionParser.AtTableConstraint(cursor))
            {
                return new AddConstraintAction(at, string.Empty, DefinitionParser.ReadConstraint(cursor));
            }

            cursor.Accept("column");
            var ifNotExists = cursor.AcceptSequence("if", "not", "exists");
            return new AddColumnAction(at, string.Empty, DefinitionParser.ReadColumn(cursor), ifNotExists);
        }

        if (cursor.Accept("drop"))
        {
            if (cursor.Accept("constraint"))
            {
                var ifExists = cursor.AcceptSequence("if", "exists");
                return new DropConstraintAction(at, string.Empty, cursor.ReadName().Value, ifExists);
            }

            cursor.Accept("column");
            var columnIfExists = cursor.AcceptSequence("if", "exists");
            var column = cursor.ReadName().Value;
            var cascade = cursor.Accept("cascade");
            cursor.Accept("restrict");
            return new DropColumnAction(at, string.Empty, column, columnIfExists, cascade);
        }

        if (cursor.Accept("alter"))
        {
            if (cursor.Accept("constraint"))
            {
                return new OtherAlterTableAction(at, string.Empty, LockMode.AccessExclusive);
            }

            cursor.Accept("column");
            return AlterColumn(cursor, at, cursor.ReadName().Value);
        }

        if (cursor.AcceptSequence("validate", "constraint"))
        {
            return new ValidateConstraintAction(at, string.Empty, cursor.ReadName().Value);
        }

        if (cursor.Accept("rename"))
        {
            if (cursor.Accept("to"))
            {
                return new RenameTableAction(at, string.Empty, cursor.ReadName().Value);
            }

            if (cursor.Accept("constraint"))
            {
                var constraint = cursor.ReadName().Value;
                cursor.Expect("to");
                return new RenameConstraintAction(at, string.Empty, constraint, cursor.ReadName().Value);
            }

            cursor.Accept("column");
            var column = cursor.ReadName().Value;
            cursor.Expect("to");
            return new RenameColumnAction(at, string.Empty, column, cursor.ReadName().Value);
        }

        if (cursor.Accept("set"))
        {
            return Set(cursor, at);
        }

        if (cursor.AcceptSequence("attach", "partition"))
        {
            return new AttachPartitionAction(at, string.Empty, cursor.ReadObjectName().Name);
        }

        if (cursor.AcceptSequence("detach", "partition"))
        {
            var partition = cursor.ReadObjectName().Name;
            return new DetachPartitionAction(at, string.Empty, partition, cursor.Accept("concurrently"), cursor.Accept("finalize"));
        }

        if (cursor.IsKeyword("enable") || cursor.IsKeyword("disable"))
        {
            var enable = cursor.Next().IsKeyword("enable");
            if (!cursor.Accept("replica"))
            {
                cursor.Accept("always");
            }

            if (cursor.Accept("trigger"))
            {
                return new TriggerAction(at, string.Empty, enable, cursor.ReadName().Value);
            }

            return new OtherAlterTableAction(at, string.Empty, LockMode.AccessExclusive);
        }

        if (cursor.AcceptSequence("cluster", "on") || cursor.IsKeyword("reset"))
        {
            return new OtherAlterTableAction(at, string.Empty, LockMode.ShareUpdateExclusive);
        }

        // INHERIT, NO INHERIT, OF, NOT OF, OWNER TO, REPLICA IDENTITY, FORCE ROW LEVEL SECURITY …
        return new OtherAlterTableAction(at, string.Empty, LockMode.AccessExclusive);
    }

    private static AlterTableAction Set(TokenCursor cursor, Postgres.Sql.SqlPosition at)
    {
        if (cursor.Accept("schema"))
        {
            return new SetSchemaAction(at, string.Empty, cursor.ReadName().Value);
        }

        if (cursor.Accept("tablespace"))
        {
            return new RewriteTableAction(at, string.Empty, "SET TABLESPACE");
        }

        if (cursor.Accept("logged"))
        {
            return new RewriteTableAction(at, string.Empty, "SET LOGGED");
        }

        if (cursor.Accept("unlogged"))
        {
            return new RewriteTableAction(at, string.Empty, "SET UNLOGGED");
        }

        if (cursor.AcceptSequence("access", "method"))
        {
            return new RewriteTableAction(at, string.Empty, "SET ACCESS METHOD");
        }

        // SET (storage parameters), SET WITHOUT CLUSTER: SHARE UPDATE EXCLUSIVE; SET WITHOUT OIDS: ACCESS EXCLUSIVE.
        return new OtherAlterTableAction(at, string.Empty,
            cursor.IsPunctuation('(') || cursor.IsSequence("without", "cluster") ? LockMode.ShareUpdateExclusive : LockMode.AccessExclusive);
    }

    private static AlterTableAction AlterColumn(TokenCursor cursor, Postgres.Sql.SqlPosition at, string column)
    {
        if (cursor.Accept("type") || cursor.AcceptSequence("set", "data", "type"))
        {
            var type = TypeParser.Read(cursor);
            string? collation = null;
            if (cursor.Accept("collate"))
            {
                collation = cursor.ReadObjectName().Name.Name;
            }

            SqlExpression? usingExpression = null;
            if (cursor.Accept("using"))
            {
                var position = cursor.Position;
                usingExpression = TokenCursor.Expression(cursor.ReadUntil(c => c.IsPunctuation(',')), position);
            }

            return new AlterColumnTypeAction(at, string.Empty, column, type, usingExpression, collation);
        }

        if (cursor.AcceptSequence("set", "default"))
        {
            var position = cursor.Position;
            return new SetDefaultAction(at, string.Empty, column, TokenCursor.Expression(cursor.ReadUntil(c => c.IsPunctuation(',')), position));
        }

        if (cursor.AcceptSequence("drop", "default"))
        {
            return new DropDefaultAction(at, string.Empty, column);
        }

        if (cursor.AcceptSequence("set", "not", "null"))
        {
            return new SetNotNullAction(at, string.Empty, column);
        }

        if (cursor.AcceptSequence("drop", "not", "null"))
        {
            return new DropNotNullAction(at, string.Empty, column);
        }

        if (cursor.IsSequence("add", "generated"))
        {
            return new AddIdentityAction(at, string.Empty, column);
        }

        // SET STATISTICS, SET (attribute options), RESET (…): SHARE UPDATE EXCLUSIVE; the rest ACCESS EXCLUSIVE.
        var light = cursor.IsSequence("set", "statistics") || cursor.IsKeyword("set") && cursor.IsPunctuation('(', 1) || cursor.IsKeyword("reset");
        return new OtherAlterTableAction(at, string.Empty, light ? LockMode.ShareUpdateExclusive : LockMode.AccessExclusive);
    }
}
