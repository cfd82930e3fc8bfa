using System.Globalization;

namespace DatabaseExpert.Agent.Definition;

public enum ValueOriginKind
{
    /// <summary>Written in agent.yaml.</summary>
    AgentFile,

    /// <summary>Written in the persona's frontmatter (or its body, for the system prompt).</summary>
    Persona,

    /// <summary>Nobody set it; dbx's default applies.</summary>
    Default,

    /// <summary>Derived from another setting (see <see cref="ValueOrigin.Note"/>).</summary>
    Implied,
}

/// <summary>Where a resolved setting came from, for <c>dbx agent show</c>.</summary>
public sealed record ValueOrigin(ValueOriginKind Kind, string? File = null, int Line = 0, int Column = 0, string? Note = null)
{
    public static ValueOrigin Default { get; } = new(ValueOriginKind.Default, Note: "dbx default");

    public static ValueOrigin Implied(string note) => new(ValueOriginKind.Implied, Note: note);

    public override string ToString()
    {
        if (File is null)
        {
            return Note ?? Kind.ToString();
        }

        var where = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}") : File;
        return Note is null ? where : $"{where} ({Note})";
    }
}
