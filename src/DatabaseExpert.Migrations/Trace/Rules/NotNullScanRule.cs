using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>
/// <c>trace-not-null-scan</c>: SET NOT NULL on a column of a table that existed before the migration. PostgreSQL reads
/// every row under ACCESS EXCLUSIVE to prove there is no NULL, unless a valid <c>CHECK (col IS NOT NULL)</c> already proves
/// it (PostgreSQL 12+ then skips the scan, and so does this rule).
/// </summary>
internal sealed partial class NotNullScanRule : ITraceRule
{
    public static TraceRuleInfo Info { get; } =
        new(TraceRuleIds.NotNullScan, Severity.Warning, "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE");

    public IEnumerable<Finding> Check(FileTrace file)
    {
        foreach (var statement in file.Statements.Where(s => s.Ran))
        {
            var before = statement.Before!;
            foreach (var (key, now) in statement.After!.Columns)
            {
                if (!file.Preexisting.Contains(key.Table) || !now.NotNull || !before.Columns.TryGetValue(key, out var was) || was.NotNull
                    || ProvenByCheck(before, key.Table, now.Name))
                {
                    continue;
                }

                var table = statement.After.Relations[key.Table];
                var mode = statement.StrongestLockOn(key.Table) ?? LockMode.AccessExclusive;
                var check = TraceFindings.NewName(table.Name, now.Name, "not_null");
                yield return TraceFindings.At(
                    Info,
                    file,
                    statement,
                    $"SET NOT NULL on {table.Name}.{now.Name} scanned every row of {table.Name} while holding {mode.ToPgName()}, "
                    + $"which blocks {mode.BlockedTraffic()}",
                    "Prove the column has no NULL first with a CHECK constraint added NOT VALID and validated separately (the "
                    + "validation lets reads and writes run); on PostgreSQL 12+ SET NOT NULL then skips the scan. Drop the CHECK "
                    + "afterwards.",
                    $"{mode.ToPgName()} on {table.Name} ({TraceFindings.Rows(table)}); attnotnull false → true; "
                    + $"{TraceFindings.Ms(statement.Trace.DurationMs)} here",
                    $"""
                    ALTER TABLE {table.Name} ADD CONSTRAINT {check} CHECK ({now.Name} IS NOT NULL) NOT VALID;
                    -- in a separate transaction:
                    ALTER TABLE {table.Name} VALIDATE CONSTRAINT {check};
                    ALTER TABLE {table.Name} ALTER COLUMN {now.Name} SET NOT NULL;
                    ALTER TABLE {table.Name} DROP CONSTRAINT {check};
                    """);
            }
        }
    }

    /// <summary>A valid CHECK whose definition is exactly "column IS NOT NULL" lets PostgreSQL skip the scan.</summary>
    private static bool ProvenByCheck(CatalogState state, uint table, string column) =>
        state.Constraints.Values.Any(c => c.TableOid == table && c.Kind == ConstraintKind.Check && c.Validated
            && IsNotNullCheck().Match(c.Definition) is { Success: true } m && m.Groups["column"].Value == column);

    [GeneratedRegex(@"^CHECK \(\((?<column>.+) IS NOT NULL\)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex IsNotNullCheck();
}
