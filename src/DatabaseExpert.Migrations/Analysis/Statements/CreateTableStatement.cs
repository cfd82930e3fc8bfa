using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Statements;

/// <summary><c>CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name (…)</c>, <c>… PARTITION OF parent</c> or <c>… AS query</c>.</summary>
public sealed record CreateTableStatement(SqlStatement Sql, ObjectName Table, SqlPosition NamePosition) : AnalyzedStatement(Sql)
{
    public bool IfNotExists { get; init; }

    public bool Temporary { get; init; }

    public IReadOnlyList<ColumnDefinition> Columns { get; init; } = [];

    public IReadOnlyList<TableConstraint> Constraints { get; init; } = [];

    /// <summary>The parent of <c>PARTITION OF parent</c>.</summary>
    public ObjectName? PartitionOf { get; init; }

    /// <summary><c>CREATE TABLE … AS</c> (or <c>SELECT INTO</c>): filled from a query.</summary>
    public bool FromQuery { get; init; }

    /// <summary>Existing tables the new one references (its foreign keys lock them briefly).</summary>
    public IEnumerable<ObjectName> ReferencedTables =>
        Columns.Select(c => c.References).Concat(Constraints.Select(c => c.ReferencedTable)).OfType<ObjectName>();
}
