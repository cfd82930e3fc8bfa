using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules.Internal;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// character(n) pads values with spaces to n characters, compares ignoring the padding and is no faster than text; the
/// padding surprises every client.
/// </summary>
public sealed class BanCharField : IMigrationRule
{
    public RuleInfo Info { get; } = new("ban-char-field", Severity.Warning,
        "character(n) pads with spaces: prefer text (or varchar)");

    public void Check(RuleContext context)
    {
        foreach (var column in DeclaredColumns.Of(context.Statement))
        {
            if (!column.Type.Is(TypeNames.Char))
            {
                continue;
            }

            context.Report(column.Position,
                $"{column.Where} is {column.Type.Text}: values are padded with spaces to the full length, which clients see and compare",
                "Use text (with a CHECK on char_length if the length matters).",
                column.WithType("text"));
        }
    }
}
