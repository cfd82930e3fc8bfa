using Xunit.Abstractions;

namespace DatabaseExpert.Postgres.Tests.Sql;

/// <summary>
/// One tricky input for the splitter: the statements expected (<c>"line:col text"</c>) and the diagnostics expected
/// (<c>"error line:col fragment"</c> or <c>"note line:col fragment"</c>).
/// </summary>
public sealed class SplitCase : IXunitSerializable
{
    public SplitCase()
    {
    }

    public SplitCase(string name, string sql, string[] statements, params string[] diagnostics)
    {
        Name = name;
        Sql = sql;
        Statements = statements;
        Diagnostics = diagnostics;
    }

    public string Name { get; private set; } = "";

    public string Sql { get; private set; } = "";

    public string[] Statements { get; private set; } = [];

    public string[] Diagnostics { get; private set; } = [];

    public void Deserialize(IXunitSerializationInfo info)
    {
        Name = info.GetValue<string>(nameof(Name));
        Sql = info.GetValue<string>(nameof(Sql));
        Statements = info.GetValue<string[]>(nameof(Statements));
        Diagnostics = info.GetValue<string[]>(nameof(Diagnostics));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Name), Name);
        info.AddValue(nameof(Sql), Sql);
        info.AddValue(nameof(Statements), Statements);
        info.AddValue(nameof(Diagnostics), Diagnostics);
    }

    public override string ToString() => Name;
}
