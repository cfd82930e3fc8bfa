namespace DatabaseExpert.Migrations.Reporters.Internal;

/// <summary>SGR colour codes, or nothing when colour is off.</summary>
internal sealed class Ansi(bool enabled)
{
    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    public string Red(string text) => Wrap("31", text);

    public string Yellow(string text) => Wrap("33", text);

    public string Cyan(string text) => Wrap("36", text);

    public string Green(string text) => Wrap("32", text);

    private string Wrap(string code, string text) => enabled && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
