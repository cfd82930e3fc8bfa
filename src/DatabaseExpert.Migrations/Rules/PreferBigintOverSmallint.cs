using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules.Internal;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>A smallint (smallserial) key runs out after 32,767 values. Only key columns are flagged; a small counter is fine.</summary>
public sealed class PreferBigintOverSmallint : IMigrationRule
{
    public RuleInfo Info { get; } = new("prefer-bigint-over-smallint", Severity.Warning,
        "smallint/smallserial keys overflow at 32,767");

    public void Check(RuleContext context)
    {
        foreach (var column in DeclaredColumns.Of(context.Statement))
        {
            if (!column.IsKey || column.Type.IsArray || !(column.Type.Is(TypeNames.SmallInt) || column.Type.Is(TypeNames.SmallSerial)))
            {
                continue;
            }

            var wide = column.Type.Is(TypeNames.SmallSerial) ? "bigserial" : "bigint";
            context.Report(column.Position,
                $"key column {column.Where} is {column.Type.Text}: it overflows after 32,767 values, and changing it later rewrites the table",
                $"Use {wide} for keys and the columns that reference them.",
                column.WithType(wide));
        }
    }
}
