using System.Text;
using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// PostgreSQL cuts identifiers to 63 bytes (NAMEDATALEN - 1), with only a NOTICE: the object gets another name than the
/// one in the code, and two long names can collide after the cut. Enum labels longer than 63 bytes are refused.
/// </summary>
public sealed class IdentifierTooLong : IMigrationRule
{
    private const int MaxBytes = 63;

    public RuleInfo Info { get; } = new("identifier-too-long", Severity.Warning,
        "identifiers longer than 63 bytes are silently truncated");

    public void Check(RuleContext context)
    {
        foreach (var (name, at, kind) in Declared(context.Statement))
        {
            var bytes = Encoding.UTF8.GetByteCount(name);
            if (bytes <= MaxBytes)
            {
                continue;
            }

            var cut = Truncate(name);
            context.Report(at,
                kind == "enum label"
                    ? $"enum label '{name}' is {bytes} bytes: PostgreSQL refuses labels longer than {MaxBytes} bytes"
                    : $"{kind} name {name} is {bytes} bytes: PostgreSQL truncates it to {MaxBytes} bytes ({cut}), so the database and the code disagree",
                "Use a shorter name (at most 63 bytes in UTF-8).",
                severity: kind == "enum label" ? Severity.Error : null);
        }
    }

    private static string Truncate(string name)
    {
        var cut = name;
        while (Encoding.UTF8.GetByteCount(cut) > MaxBytes)
        {
            cut = cut[..^1];
        }

        return cut;
    }

    private static IEnumerable<(string Name, SqlPosition At, string Kind)> Declared(AnalyzedStatement statement)
    {
        var at = statement.Position;
        switch (statement)
        {
            case CreateTableStatement create:
                yield return (create.Table.Name, create.NamePosition, "table");
                foreach (var column in create.Columns)
                {
                    yield return (column.Name, column.Position, "column");
                }

                foreach (var constraint in create.Constraints.Where(c => c.Name is not null))
                {
                    yield return (constraint.Name!, constraint.Position, "constraint");
                }

                break;
            case AlterTableStatement alter:
                foreach (var action in alter.Actions)
                {
                    switch (action)
                    {
                        case AddColumnAction add:
                            yield return (add.Column.Name, add.Column.Position, "column");
                            break;
                        case AddConstraintAction { Constraint.Name: { } name } add:
                            yield return (name, add.Position, "constraint");
                            break;
                        case RenameColumnAction rename:
                            yield return (rename.NewName, rename.Position, "column");
                            break;
                        case RenameConstraintAction rename:
                            yield return (rename.NewName, rename.Position, "constraint");
                            break;
                        case RenameTableAction rename:
                            yield return (rename.NewName, rename.Position, "table");
                            break;
                    }
                }

                break;
            case CreateIndexStatement { Name: { } index }:
                yield return (index, at, "index");
                break;
            case CreateEnumStatement create:
                yield return (create.Type.Name, at, "type");
                foreach (var value in create.Values)
                {
                    yield return (value, at, "enum label");
                }

                break;
            case AddEnumValueStatement add:
                yield return (add.Value, add.ValuePosition, "enum label");
                break;
            case SequenceStatement { Create: true } sequence:
                yield return (sequence.Sequence.Name, at, "sequence");
                break;
            case CreateOtherStatement { Name: { } other } create:
                yield return (other.Name, at, create.ObjectKind);
                break;
            case CreateFunctionStatement function:
                yield return (function.Function.Name, at, "function");
                break;
        }
    }
}
