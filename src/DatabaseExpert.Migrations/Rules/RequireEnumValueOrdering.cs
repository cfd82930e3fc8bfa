using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>ALTER TYPE … ADD VALUE</c> without BEFORE or AFTER appends the value at the end of the enum's sort order. When the
/// order means something (statuses compared with &lt; or ORDER BY), say where it goes. Info only: for enums whose order
/// does not matter, appending is right. Enums created in the same migration are not flagged.
/// </summary>
public sealed class RequireEnumValueOrdering : IMigrationRule
{
    public RuleInfo Info { get; } = new("require-enum-value-ordering", Severity.Info,
        "ALTER TYPE … ADD VALUE without BEFORE/AFTER appends the value at the end of the sort order");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AddEnumValueStatement { Neighbour: null } add || context.Migration.IsNewType(add.Type))
        {
            return;
        }

        var known = context.Migration.Schema.EnumValues(add.Type);
        var after = known is { Count: > 0 } ? $" (after '{known[^1]}')" : string.Empty;
        context.Report(add.Position,
            $"'{add.Value}' is appended at the end of enum {add.Type.Display}{after}; comparisons and ORDER BY on the enum use that order",
            "If the order matters, place the value with BEFORE or AFTER; if it does not, ignore this note (`-- dbx-ignore require-enum-value-ordering`).",
            known is { Count: > 0 } ? $"ALTER TYPE {SqlText.Quote(add.Type)} ADD VALUE '{add.Value.Replace("'", "''", StringComparison.Ordinal)}' BEFORE '<value>';" : null);
    }
}
