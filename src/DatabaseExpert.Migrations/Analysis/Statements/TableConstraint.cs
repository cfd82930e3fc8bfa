using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Statements;

public enum ConstraintKind
{
    Check,
    ForeignKey,
    Unique,
    PrimaryKey,
    Exclude,
}

/// <summary>A table constraint in CREATE TABLE or ALTER TABLE … ADD.</summary>
/// <param name="Kind">What it checks.</param>
/// <param name="Name">Its name when written (<c>CONSTRAINT name</c>).</param>
/// <param name="Position">Where the constraint starts (its CONSTRAINT keyword, or its kind).</param>
/// <param name="Text">The constraint as written.</param>
public sealed record TableConstraint(ConstraintKind Kind, string? Name, SqlPosition Position, string Text)
{
    public IReadOnlyList<string> Columns { get; init; } = [];

    public SqlExpression? Expression { get; init; }

    public ObjectName? ReferencedTable { get; init; }

    public IReadOnlyList<string> ReferencedColumns { get; init; } = [];

    public bool NotValid { get; init; }

    /// <summary>The index of <c>UNIQUE USING INDEX idx</c> / <c>PRIMARY KEY USING INDEX idx</c>.</summary>
    public string? UsingIndex { get; init; }

    public bool NullsNotDistinct { get; init; }

    /// <summary>For a CHECK of the form <c>col IS NOT NULL</c>: that column.</summary>
    public string? NotNullColumn
    {
        get
        {
            if (Kind != ConstraintKind.Check || Expression is null)
            {
                return null;
            }

            var tokens = Expression.Tokens.Where(t => !t.IsPunctuation('(') && !t.IsPunctuation(')')).ToList();
            return tokens.Count == 4 && tokens[0].IsName && tokens[1].IsKeyword("is") && tokens[2].IsKeyword("not") && tokens[3].IsKeyword("null")
                ? tokens[0].Value
                : null;
        }
    }
}
