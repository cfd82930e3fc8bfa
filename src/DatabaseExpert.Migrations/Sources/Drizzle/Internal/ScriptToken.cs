namespace DatabaseExpert.Migrations.Sources.Drizzle.Internal;

internal enum ScriptTokenKind
{
    Name,
    String,

    /// <summary>A template literal with <c>${…}</c>: its value is only known at run time.</summary>
    Template,
    Number,
    Punctuation,
}

/// <summary>A token of a JavaScript/TypeScript config file. <see cref="Value"/> is a string's decoded value, else the text.</summary>
internal readonly record struct ScriptToken(ScriptTokenKind Kind, string Value, int Start, int End, int Line)
{
    public bool Is(string punctuationOrName) =>
        Kind is ScriptTokenKind.Punctuation or ScriptTokenKind.Name && Value == punctuationOrName;
}
