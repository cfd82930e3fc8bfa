namespace DatabaseExpert.Migrations.Analysis;

/// <summary>
/// A possibly schema-qualified name, as the server reads it (unquoted parts folded to lower case). Two names match
/// when their names are equal and their schemas are equal, an absent schema standing for <c>public</c> (the usual
/// search_path of a migration).
/// </summary>
public sealed record ObjectName(string? Schema, string Name)
{
    public static ObjectName Of(string name) => new(null, name);

    /// <summary>The name to show in messages: <c>orders</c> or <c>billing.orders</c>.</summary>
    public string Display => Schema is null or "public" ? Name : $"{Schema}.{Name}";

    /// <summary>A key that is equal for names that <see cref="Matches"/> each other.</summary>
    public string Key => $"{Schema ?? "public"}.{Name}";

    public bool Matches(ObjectName other) => string.Equals(Key, other?.Key, StringComparison.Ordinal);

    public override string ToString() => Display;
}
