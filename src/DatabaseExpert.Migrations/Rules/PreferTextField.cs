using System.Globalization;
using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules.Internal;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// varchar(n) stores exactly like text; its limit is just a check, and changing the limit is an ALTER COLUMN TYPE (a
/// rewrite when it shrinks). A text column with a CHECK can change its limit with NOT VALID + VALIDATE, no rewrite.
/// </summary>
public sealed class PreferTextField : IMigrationRule
{
    public RuleInfo Info { get; } = new("prefer-text-field", Severity.Info,
        "varchar(n): prefer text with a CHECK on its length");

    public void Check(RuleContext context)
    {
        foreach (var column in DeclaredColumns.Of(context.Statement))
        {
            if (!column.Type.Is(TypeNames.Varchar) || column.Type.FirstModifier is not { } length)
            {
                continue;
            }

            var rewrite = column.WithType("text") is { } text
                ? string.Create(CultureInfo.InvariantCulture, $"{text} CHECK (char_length({SqlText.Quote(column.Name)}) <= {length})")
                : null;
            context.Report(column.Position,
                $"{column.Where} is {column.Type.Text}: changing the limit later is an ALTER COLUMN TYPE under an ACCESS EXCLUSIVE lock "
                + "(a rewrite when it shrinks)",
                "Use text and put the limit in a CHECK constraint: a new limit is then a NOT VALID check plus VALIDATE, with no rewrite "
                + "and no long lock. Storage and speed are the same.",
                rewrite);
        }
    }
}
