using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Statements;

/// <summary>How a column gets its value when it is generated.</summary>
public enum ColumnGeneration
{
    None,

    /// <summary><c>GENERATED ALWAYS AS (expr) STORED</c>: computed for every row.</summary>
    Stored,

    /// <summary><c>GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY</c>.</summary>
    Identity,
}

/// <summary>A column in CREATE TABLE or ALTER TABLE … ADD COLUMN, with its inline constraints.</summary>
public sealed record ColumnDefinition(string Name, SqlPosition Position, SqlType Type)
{
    /// <summary>The definition as written, from the column name to its last constraint.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The definition with another type in place of <see cref="Type"/>, the rest as written.</summary>
    public string WithType(string type) =>
        Text.Length == 0 ? $"{Name} {type}" : Text[..(Type.Position.Offset - Position.Offset)] + type + Text[(Type.EndOffset - Position.Offset)..];

    public SqlExpression? Default { get; init; }

    public bool NotNull { get; init; }

    public bool PrimaryKey { get; init; }

    public bool Unique { get; init; }

    /// <summary>The table of an inline <c>REFERENCES</c>, if any.</summary>
    public ObjectName? References { get; init; }

    public SqlExpression? Check { get; init; }

    public ColumnGeneration Generation { get; init; }

    /// <summary>The expression of a stored generated column.</summary>
    public SqlExpression? GenerationExpression { get; init; }

    /// <summary>A serial type, an identity or a nextval() default: the column draws from a sequence.</summary>
    public bool IsAutoIncrement => Generation == ColumnGeneration.Identity || TypeNames.IsSerial(Type.Name)
        || Default?.Calls.Any(c => c.Name == "nextval") == true;

    /// <summary>Every row gets a value without the INSERT naming the column.</summary>
    public bool HasValueForExistingRows => Default is not null || Generation != ColumnGeneration.None || TypeNames.IsSerial(Type.Name);
}
