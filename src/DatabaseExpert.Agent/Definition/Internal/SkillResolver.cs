using DatabaseExpert.Agent.Definition.Internal.Yaml;
using DatabaseExpert.Agent.Skills;

namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>Finds and loads the skills an agent names: a bare name is looked up under each search root, a path is taken as is.</summary>
internal static class SkillResolver
{
    public static List<Skill> Resolve(
        IEnumerable<YamlScalar> references,
        string referencingFile,
        string baseDirectory,
        IReadOnlyList<string> searchRoots,
        DiagnosticSeverity missingSeverity,
        DiagnosticBag diagnostics)
    {
        var skills = new List<Skill>();
        foreach (var reference in references)
        {
            var name = reference.Value.Trim();
            var isPath = name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal);
            var candidates = isPath
                ? [Path.GetFullPath(Path.Combine(baseDirectory, name))]
                : searchRoots.Select(root => Path.Combine(root, name)).ToList();
            var found = candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, SkillLoader.SkillFileName)));
            if (found is null)
            {
                ReportMissing(reference, name, candidates, referencingFile, missingSeverity, diagnostics);
                continue;
            }

            var loaded = SkillLoader.Load(found);
            diagnostics.AddRange(loaded.Diagnostics);
            if (loaded.Skill is not { } skill)
            {
                continue;
            }

            if (skills.Exists(s => s.Name == skill.Name))
            {
                diagnostics.Warning(DiagnosticCodes.DuplicateEntry, referencingFile, reference.Position,
                    $"skill `{skill.Name}` is listed twice", "remove the repeated entry");
                continue;
            }

            skills.Add(skill);
        }

        return skills;
    }

    private static void ReportMissing(
        YamlScalar reference, string name, List<string> candidates, string referencingFile, DiagnosticSeverity severity,
        DiagnosticBag diagnostics)
    {
        var looked = string.Join(", ", candidates.Select(c => Path.Combine(c, SkillLoader.SkillFileName)));
        var help = $"create {Path.Combine(candidates[0], SkillLoader.SkillFileName)} (frontmatter `name: {Path.GetFileName(name)}` and "
            + "`description`, then instructions), or remove it from `skills`";
        diagnostics.Report(severity, DiagnosticCodes.SkillNotFound, referencingFile, reference.Position,
            $"skill `{name}` not found{(severity == DiagnosticSeverity.Error ? string.Empty : "; the agent runs without it")}; looked for {looked}",
            help);
    }
}
