namespace DatabaseExpert.Postgres.Sql;

/// <summary>What a token is, following PostgreSQL's own lexer (standard_conforming_strings on).</summary>
public enum SqlTokenKind : byte
{
    /// <summary>Spaces, tabs, line breaks, form feeds.</summary>
    Whitespace,

    /// <summary><c>-- …</c> up to the end of the line.</summary>
    LineComment,

    /// <summary><c>/* … */</c>, which nests in PostgreSQL.</summary>
    BlockComment,

    /// <summary>An unquoted name or keyword (<c>select</c>, <c>users</c>, <c>a$b</c>); PostgreSQL folds it to lower case.</summary>
    Identifier,

    /// <summary><c>"Name"</c>, with <c>""</c> standing for one quote; case is kept.</summary>
    QuotedIdentifier,

    /// <summary><c>U&amp;"…"</c> with <c>\XXXX</c> / <c>\+XXXXXX</c> escapes (or the UESCAPE character).</summary>
    UnicodeIdentifier,

    /// <summary><c>'…'</c> or <c>N'…'</c>, with <c>''</c> standing for one quote; backslashes are ordinary characters.</summary>
    StandardString,

    /// <summary><c>E'…'</c>: C-style backslash escapes (<c>\'</c> does not end the string).</summary>
    EscapeString,

    /// <summary><c>U&amp;'…'</c> with Unicode escapes.</summary>
    UnicodeString,

    /// <summary><c>B'0101'</c>.</summary>
    BitString,

    /// <summary><c>X'1F'</c>.</summary>
    HexString,

    /// <summary><c>$$…$$</c> or <c>$tag$…$tag$</c>: nothing inside is special.</summary>
    DollarString,

    /// <summary><c>42</c>, <c>1.5e3</c>, <c>.5</c>, <c>0x1F</c>, <c>1_000</c>.</summary>
    Number,

    /// <summary>A positional parameter: <c>$1</c>.</summary>
    Parameter,

    /// <summary><c>+</c>, <c>&lt;=</c>, <c>-&gt;&gt;</c>, <c>@&gt;</c>, <c>::</c>, <c>:=</c>, <c>..</c> and other operator sequences.</summary>
    Operator,

    /// <summary><c>( ) [ ] , ; . :</c></summary>
    Punctuation,

    /// <summary>A psql meta-command (<c>\set</c>, <c>\i file</c>, <c>\gexec</c>) up to the end of its line: not SQL.</summary>
    MetaCommand,

    /// <summary>A character PostgreSQL does not accept outside literals (the server reports the syntax error).</summary>
    Other,
}
