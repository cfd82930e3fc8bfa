using System.Text.RegularExpressions;
using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// CHECK and FOREIGN KEY constraints added NOT VALID and never validated: new rows are checked, old rows are not, so
/// the database does not guarantee what the schema says (and the planner cannot rely on the constraint).
/// </summary>
internal sealed partial class InvalidConstraintsCheck : IHealthCheck
{
    public const string Id = "invalid-constraints";

    private static readonly string Sql = $"""
        select n.nspname || '.' || t.relname || '.' || k.conname as object,
               n.nspname || '.' || t.relname as table_name,
               format('%I.%I', n.nspname, t.relname) as qualified_table,
               quote_ident(k.conname) as quoted_name,
               k.contype::text as kind,
               pg_get_constraintdef(k.oid) as definition,
               case when k.contype = 'f' then rn.nspname || '.' || r.relname end as referenced_table
        from pg_constraint k
        join pg_class t on t.oid = k.conrelid
        join pg_namespace n on n.oid = t.relnamespace
        left join pg_class r on r.oid = k.confrelid
        left join pg_namespace rn on rn.oid = r.relnamespace
        where not k.convalidated and k.contype in ('c', 'f') and {CatalogSql.UserRelation("t", "n")}
        order by 1
        """;

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Constraints never validated",
        "CHECK and FOREIGN KEY constraints added NOT VALID and never validated: existing rows may break them.");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(Sql, r => new
        {
            Object = r.Get<string>("object"),
            Table = r.Get<string>("table_name"),
            QualifiedTable = r.Get<string>("qualified_table"),
            QuotedName = r.Get<string>("quoted_name"),
            Kind = r.Get<string>("kind"),
            Definition = r.Get<string>("definition"),
            ReferencedTable = r.Text("referenced_table"),
        }, cancellationToken);

        var findings = rows.Select(row =>
        {
            var what = row.Kind == "f" ? $"foreign key to {row.ReferencedTable}" : "check constraint";
            var validate = $"ALTER TABLE {row.QualifiedTable} VALIDATE CONSTRAINT {row.QuotedName};  -- SHARE UPDATE EXCLUSIVE: reads and writes go on";
            var fix = row.Kind == "c" && CheckExpression().Match(row.Definition) is { Success: true } check
                ? $"-- rows that would make it fail: SELECT count(*) FROM {row.QualifiedTable} WHERE NOT ({check.Groups["expression"].Value});\n{validate}"
                : validate;
            return new HealthFinding(row.Object, FindingSeverity.Warning,
                $"{what} {row.Definition} was added NOT VALID and never validated: rows that existed before are not checked, "
                + "so the table may hold data that breaks it.",
                fix,
                new Dictionary<string, object?>
                {
                    ["table"] = row.Table,
                    ["type"] = row.Kind == "f" ? "foreign key" : "check",
                    ["definition"] = row.Definition,
                    ["referencedTable"] = row.ReferencedTable,
                });
        }).ToList();

        return new CheckOutcome(
            findings.Count == 0 ? "every CHECK and FOREIGN KEY constraint is validated" : $"{findings.Count} constraint(s) never validated",
            findings);
    }

    [GeneratedRegex(@"^CHECK \((?<expression>.*)\)( NOT VALID)?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex CheckExpression();
}
