namespace DatabaseExpert.Agent.Skills.Internal;

/// <summary>
/// Lists the files of a skill folder: everything but the root SKILL.md, hidden entries and links leading outside
/// (the model is only told about files it may read), capped in number.
/// </summary>
internal static class SkillFileLister
{
    public const int MaxFiles = 500;

    public static IReadOnlyList<SkillFile> List(string skillDirectory)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = true,
        };
        return Directory.EnumerateFiles(skillDirectory, "*", options)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(skillDirectory, path).Replace('\\', '/')))
            .Where(f => f.Relative != "SKILL.md" && !f.Relative.Split('/').Any(segment => segment.StartsWith('.')))
            .Where(f => SkillPathJail.StaysInside(skillDirectory, f.Path))
            .Select(f => new SkillFile(f.Relative, new FileInfo(f.Path).Length))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .Take(MaxFiles)
            .ToList();
    }
}
