using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules.Internal;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// timestamp (without time zone) stores wall-clock readings with no zone: values written from sessions or servers in
/// different zones cannot be compared, and daylight-saving changes make hours repeat. timestamptz stores an instant.
/// </summary>
public sealed class PreferTimestamptz : IMigrationRule
{
    public RuleInfo Info { get; } = new("prefer-timestamptz", Severity.Warning,
        "timestamp without time zone: prefer timestamptz");

    public void Check(RuleContext context)
    {
        foreach (var column in DeclaredColumns.Of(context.Statement))
        {
            if (!column.Type.Is(TypeNames.Timestamp))
            {
                continue;
            }

            var modifiers = column.Type.Modifiers.Count > 0 ? $"({column.Type.Modifiers[0]})" : string.Empty;
            var arrays = string.Concat(Enumerable.Repeat("[]", column.Type.ArrayDimensions));
            context.Report(column.Position,
                $"{column.Where} is {column.Type.Text}: it stores a wall-clock reading without its time zone, so values from different "
                + "zones or around daylight-saving changes are ambiguous",
                "Use timestamptz: it stores an instant and converts to the session's TimeZone on output. Drizzle: "
                + "timestamp({ withTimezone: true }).",
                column.WithType($"timestamptz{modifiers}{arrays}"));
        }
    }
}
