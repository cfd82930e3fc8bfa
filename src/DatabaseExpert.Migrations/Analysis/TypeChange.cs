namespace DatabaseExpert.Migrations.Analysis;

/// <summary>What <c>ALTER COLUMN … TYPE</c> costs, following PostgreSQL's own test (ATColumnChangeRequiresRewrite).</summary>
public enum RewriteVerdict
{
    /// <summary>Only the catalog changes (binary-coercible, or a wider length/precision): a brief ACCESS EXCLUSIVE lock.</summary>
    NoRewrite,

    /// <summary>Every row is converted and the table and its indexes are rewritten under ACCESS EXCLUSIVE.</summary>
    Rewrite,

    /// <summary>timestamp ↔ timestamptz on PostgreSQL 12+: no rewrite when the session TimeZone is UTC, a rewrite otherwise.</summary>
    DependsOnTimeZone,

    /// <summary>The current type is not known (no earlier migration creates the column and no database was given).</summary>
    Unknown,
}

/// <summary>The verdict on a type change and why, for messages.</summary>
public sealed record TypeChangeVerdict(RewriteVerdict Verdict, SqlType? From, string Reason);

public static class TypeChanges
{
    public static TypeChangeVerdict Classify(SqlType? from, SqlType to, SqlExpression? usingExpression, string column, int pgVersion, IServerTypeInfo types)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(types);
        if (from is null)
        {
            return new TypeChangeVerdict(RewriteVerdict.Unknown, null,
                $"the current type of {column} is not known (no earlier migration creates it and no database was given)");
        }

        if (usingExpression is not null && !IsPlainColumn(usingExpression, column))
        {
            return new TypeChangeVerdict(RewriteVerdict.Rewrite, from, "the USING expression computes every row again");
        }

        if (from.ArrayDimensions != to.ArrayDimensions)
        {
            return Rewrite(from, to);
        }

        if (from.Name == to.Name && from.Schema == to.Schema)
        {
            return SameType(from, to);
        }

        if (from.Is(TypeNames.Timestamp) && to.Is(TypeNames.TimestampTz) || from.Is(TypeNames.TimestampTz) && to.Is(TypeNames.Timestamp))
        {
            return pgVersion >= 12
                ? new TypeChangeVerdict(RewriteVerdict.DependsOnTimeZone, from,
                    $"{from.Text} → {to.Text} skips the rewrite only when the session TimeZone is UTC (PostgreSQL 12+)")
                : new TypeChangeVerdict(RewriteVerdict.Rewrite, from, $"{from.Text} → {to.Text} rewrites the table before PostgreSQL 12");
        }

        return types.IsBinaryCoercible(from.Name, to.Name) switch
        {
            true when to.Modifiers.Count == 0 && !to.Is(TypeNames.Char) =>
                new TypeChangeVerdict(RewriteVerdict.NoRewrite, from, $"{from.Text} → {to.Text} is binary-coercible"),
            true => new TypeChangeVerdict(RewriteVerdict.Rewrite, from,
                $"{from.Text} → {to.Text} is binary-coercible, but the new length limit is checked by rewriting every row"),
            false => Rewrite(from, to),
            null => new TypeChangeVerdict(RewriteVerdict.Unknown, from, $"dbx cannot tell whether {from.Text} → {to.Text} is binary-coercible"),
        };
    }

    private static TypeChangeVerdict SameType(SqlType from, SqlType to)
    {
        if (from.Modifiers.SequenceEqual(to.Modifiers))
        {
            return new TypeChangeVerdict(RewriteVerdict.NoRewrite, from, "the type does not change");
        }

        var widens = from.Name switch
        {
            TypeNames.Varchar or TypeNames.VarBit => to.Modifiers.Count == 0 || from.FirstModifier is { } a && to.FirstModifier >= a,
            TypeNames.Numeric => to.Modifiers.Count == 0
                || from.Modifiers.Count > 0 && (from.Modifier(1) ?? 0) == (to.Modifier(1) ?? 0) && to.FirstModifier >= from.FirstModifier,
            TypeNames.Timestamp or TypeNames.TimestampTz or TypeNames.Time or TypeNames.TimeTz or TypeNames.Interval =>
                to.Modifiers.Count == 0 || to.FirstModifier >= (from.FirstModifier ?? 6),
            _ => false,
        };
        return widens
            ? new TypeChangeVerdict(RewriteVerdict.NoRewrite, from, $"{from.Text} → {to.Text} only widens the limit")
            : new TypeChangeVerdict(RewriteVerdict.Rewrite, from, $"{from.Text} → {to.Text} narrows or changes the limit, which rewrites every row");
    }

    private static TypeChangeVerdict Rewrite(SqlType from, SqlType to) =>
        new(RewriteVerdict.Rewrite, from, $"{from.Text} → {to.Text} converts every value");

    // `USING col` or `USING col::newtype` is the same as no USING clause.
    private static bool IsPlainColumn(SqlExpression expression, string column) =>
        expression.Tokens.Count > 0 && expression.Tokens[0].IsName && expression.Tokens[0].Value == column
        && (expression.Tokens.Count == 1 || expression.Tokens[1] is { Kind: Postgres.Sql.SqlTokenKind.Operator } op && op.Span.SequenceEqual("::"));
}
