using System.Text;
using System.Text.RegularExpressions;

namespace DatabaseExpert.Migrations.Config.Internal;

/// <summary>Path globs: <c>**</c> spans folders, <c>*</c> and <c>?</c> stay inside one; a glob without '/' matches the file name.</summary>
internal static class Glob
{
    public static bool MatchesAny(IEnumerable<string> globs, string path)
    {
        var normalized = path.Replace('\\', '/');
        var name = normalized[(normalized.LastIndexOf('/') + 1)..];
        return globs.Any(glob => ToRegex(glob).IsMatch(glob.Contains('/', StringComparison.Ordinal) ? normalized : name));
    }

    private static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        var text = glob.Replace('\\', '/').TrimStart('/');
        if (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var slash = i + 2 < text.Length && text[i + 2] == '/';
                pattern.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                pattern.Append("[^/]*");
            }
            else if (c == '?')
            {
                pattern.Append("[^/]");
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
