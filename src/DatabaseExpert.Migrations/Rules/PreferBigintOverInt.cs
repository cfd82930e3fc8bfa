using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules.Internal;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// An integer (int4, serial) key runs out after 2,147,483,647 values, and widening it later rewrites the table and
/// every table that references it. Only key columns are flagged (primary keys, identities, serials, foreign keys,
/// <c>id</c> / <c>*_id</c>): an integer quantity is fine.
/// </summary>
public sealed class PreferBigintOverInt : IMigrationRule
{
    public RuleInfo Info { get; } = new("prefer-bigint-over-int", Severity.Warning,
        "integer/serial keys overflow at 2^31 and widening them later rewrites the table");

    public void Check(RuleContext context)
    {
        foreach (var column in DeclaredColumns.Of(context.Statement))
        {
            if (!column.IsKey || column.Type.IsArray || !(column.Type.Is(TypeNames.Integer) || column.Type.Is(TypeNames.Serial)))
            {
                continue;
            }

            var wide = column.Type.Is(TypeNames.Serial) ? "bigserial" : "bigint";
            context.Report(column.Position,
                $"key column {column.Where} is {column.Type.Text}: it overflows after 2,147,483,647 values, and changing it later rewrites "
                + "the table and the tables that reference it",
                $"Use {wide} for keys (8 bytes instead of 4; the cost is small) and for the columns that reference them.",
                column.WithType(wide));
        }
    }
}
