namespace DatabaseExpert.Postgres.Catalog.Internal.Ddl;

/// <summary>Enums, domains (in dependency order, checks added separately so NOT VALID survives) and composite types.</summary>
internal static class TypeDdl
{
    public static void Write(SqlScript script, CatalogSnapshot snapshot)
    {
        script.Section("Types");
        foreach (var type in snapshot.Enums)
        {
            script.Statement($"CREATE TYPE {Identifiers.Quote(type.Schema, type.Name)} AS ENUM ({string.Join(", ", type.Values.Select(Identifiers.Literal))})");
        }

        var domains = DependencyOrder.Sort(
            snapshot.Domains, d => Identifiers.Quote(d.Schema, d.Name), d => [d.BaseType.TrimEnd('[', ']')]);
        foreach (var domain in domains)
        {
            var name = Identifiers.Quote(domain.Schema, domain.Name);
            script.Statement(
                $"CREATE DOMAIN {name} AS {domain.BaseType}"
                + (domain.Collation is null ? "" : $" COLLATE {domain.Collation}")
                + (domain.Default is null ? "" : $" DEFAULT {domain.Default}")
                + (domain.Nullable ? "" : " NOT NULL"));
            foreach (var check in domain.Checks)
            {
                script.Statement($"ALTER DOMAIN {name} ADD CONSTRAINT {Identifiers.Quote(check.Name)} {check.Definition}");
            }
        }

        foreach (var type in snapshot.CompositeTypes)
        {
            var attributes = type.Attributes.Select(a => $"{Identifiers.Quote(a.Name)} {a.Type}");
            script.Statement($"CREATE TYPE {Identifiers.Quote(type.Schema, type.Name)} AS ({string.Join(", ", attributes)})");
        }
    }
}
