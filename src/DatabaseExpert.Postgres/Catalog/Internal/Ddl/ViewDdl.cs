namespace DatabaseExpert.Postgres.Catalog.Internal.Ddl;

/// <summary>Views and materialized views, each after the views it reads; a materialized view's indexes follow it.</summary>
internal static class ViewDdl
{
    public static void Write(SqlScript script, IReadOnlyList<ViewInfo> views)
    {
        script.Section("Views and materialized views");
        var ordered = DependencyOrder.Sort(views, v => Identifiers.Quote(v.Schema, v.Name), v => v.DependsOn.Select(Identifiers.Quote));
        foreach (var view in ordered)
        {
            var name = Identifiers.Quote(view.Schema, view.Name);
            var options = view.Options.Count == 0 ? "" : $" WITH ({string.Join(", ", view.Options)})";
            var query = view.Definition.TrimEnd().TrimEnd(';');
            if (view.Materialized)
            {
                var tablespace = view.Tablespace is null ? "" : $" TABLESPACE {Identifiers.Quote(view.Tablespace)}";
                script.Statement($"CREATE MATERIALIZED VIEW {name}{options}{tablespace} AS\n{query}\nWITH {(view.Populated == false ? "NO DATA" : "DATA")}");
                ConstraintDdl.WriteIndexes(script, view.Indexes);
            }
            else
            {
                script.Statement($"CREATE VIEW {name}{options} AS\n{query}");
            }
        }
    }
}
