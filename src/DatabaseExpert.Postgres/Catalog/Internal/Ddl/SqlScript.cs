using System.Text;

namespace DatabaseExpert.Postgres.Catalog.Internal.Ddl;

/// <summary>A SQL script built section by section; empty sections leave no trace.</summary>
internal sealed class SqlScript
{
    private readonly StringBuilder _text = new();
    private string? _pendingSection;

    public void Line(string text) => _text.Append(text).Append('\n');

    /// <summary>Starts a section; its heading is written only if a statement follows.</summary>
    public void Section(string title) => _pendingSection = title;

    /// <summary>Appends one statement, adding the terminating semicolon.</summary>
    public void Statement(string sql)
    {
        if (_pendingSection is not null)
        {
            _text.Append('\n').Append("-- ").Append(_pendingSection).Append('\n');
            _pendingSection = null;
        }

        _text.Append(sql.TrimEnd()).Append(";\n");
    }

    public override string ToString() => _text.ToString();
}
