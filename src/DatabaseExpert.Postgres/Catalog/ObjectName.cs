namespace DatabaseExpert.Postgres.Catalog;

/// <summary>A schema-qualified name as stored in the catalog (not quoted).</summary>
public sealed record ObjectName(string Schema, string Name)
{
    /// <summary><c>schema.name</c> for people to read; DDL quotes the parts itself.</summary>
    public override string ToString() => $"{Schema}.{Name}";
}
