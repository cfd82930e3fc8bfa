namespace DatabaseExpert.Postgres.Advisor.Internal.Plans;

/// <summary>A table by schema and name, as the catalog spells them (unquoted).</summary>
internal readonly record struct RelationRef(string Schema, string Name) : IComparable<RelationRef>
{
    public int CompareTo(RelationRef other)
    {
        var bySchema = string.CompareOrdinal(Schema, other.Schema);
        return bySchema != 0 ? bySchema : string.CompareOrdinal(Name, other.Name);
    }

    public override string ToString() => $"{Schema}.{Name}";
}
