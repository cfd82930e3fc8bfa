using System.Text.RegularExpressions;

namespace DatabaseExpert.Agent.Skills.Internal;

/// <summary>Agent Skills names: 1–64 of <c>[a-z0-9-]</c>, no leading, trailing or doubled hyphen.</summary>
internal static partial class SkillNames
{
    public static bool IsValid(string name) => name.Length is > 0 and <= SkillSchema.MaxNameLength && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
