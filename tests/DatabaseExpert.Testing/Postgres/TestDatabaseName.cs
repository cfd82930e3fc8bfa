using System.Text;

namespace DatabaseExpert.Testing.Postgres;

/// <summary>Unique, readable, identifier-safe database names: <c>&lt;prefix&gt;_&lt;8 hex&gt;</c>.</summary>
internal static class TestDatabaseName
{
    private const int MaxPrefixLength = 40;

    public static string Create(string? prefix)
    {
        var clean = new StringBuilder();
        foreach (var c in (prefix ?? "test").ToLowerInvariant())
        {
            if (clean.Length == MaxPrefixLength)
            {
                break;
            }

            clean.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        if (clean.Length == 0 || char.IsAsciiDigit(clean[0]))
        {
            clean.Insert(0, "t_");
        }

        return $"{clean}_{Guid.NewGuid():N}"[..(clean.Length + 9)];
    }
}
