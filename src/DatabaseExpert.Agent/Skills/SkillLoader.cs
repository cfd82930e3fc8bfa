using System.Text;
using DatabaseExpert.Agent.Definition;
using DatabaseExpert.Agent.Definition.Internal;
using DatabaseExpert.Agent.Definition.Internal.Yaml;
using DatabaseExpert.Agent.Skills.Internal;

namespace DatabaseExpert.Agent.Skills;

/// <summary>Loads and checks one skill folder (<c>&lt;name&gt;/SKILL.md</c>) against the Agent Skills specification.</summary>
public static class SkillLoader
{
    public const string SkillFileName = "SKILL.md";

    public static SkillLoadResult Load(string skillDirectory)
    {
        var diagnostics = new DiagnosticBag();
        var skill = Load(Path.GetFullPath(skillDirectory), diagnostics);
        return new SkillLoadResult(diagnostics.HasErrors ? null : skill, diagnostics.Sorted());
    }

    private static Skill? Load(string directory, DiagnosticBag diagnostics)
    {
        var file = Path.Combine(directory, SkillFileName);
        if (!File.Exists(file))
        {
            diagnostics.Error(DiagnosticCodes.FileNotFound, file, SourcePosition.Unknown,
                $"the skill folder {directory} has no {SkillFileName}",
                $"create {SkillFileName} with `name` and `description` frontmatter followed by the instructions");
            return null;
        }

        var text = SourceText.TryRead(file, diagnostics);
        if (text is null || FrontmatterReader.Read(text, file, SkillFileName, SkillSchema.Frontmatter, diagnostics) is not { } document)
        {
            return null;
        }

        var (split, root) = (document.Split, document.Root);
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        CheckName(root.Scalar("name"), folderName, file, diagnostics);
        FrontmatterReader.CheckLength(root, "description", SkillSchema.MaxDescriptionLength, file, diagnostics);
        FrontmatterReader.CheckLength(root, "compatibility", SkillSchema.MaxCompatibilityLength, file, diagnostics);

        var bodyLines = split.Body.Length == 0 ? 0 : split.Body.Split('\n').Length;
        if (bodyLines == 0)
        {
            diagnostics.Warning(DiagnosticCodes.EmptyBody, file, new SourcePosition(split.BodyStartLine, 1),
                "the skill has no instructions after its frontmatter", "write what the model should do when it activates this skill");
        }
        else if (bodyLines > SkillSchema.RecommendedMaxBodyLines)
        {
            diagnostics.Warning(DiagnosticCodes.SkillBodyTooLong, file, new SourcePosition(split.BodyStartLine, 1),
                $"the body is {bodyLines} lines; the Agent Skills guidance is under {SkillSchema.RecommendedMaxBodyLines}",
                "move detail into references/*.md files and point to them from SKILL.md");
        }

        if (root.Scalar("name") is not { } name || root.Scalar("description") is not { } description)
        {
            return null;
        }

        return new Skill(name.Value, description.Value, directory, file, Encoding.UTF8.GetByteCount(split.Body), bodyLines,
            SkillFileLister.List(directory))
        {
            License = root.Scalar("license")?.Value,
            Compatibility = root.Scalar("compatibility")?.Value,
            Metadata = root.Mapping("metadata")?.Entries.ToDictionary(e => e.Key.Value, e => ((YamlScalar)e.Value).Value, StringComparer.Ordinal)
                ?? new Dictionary<string, string>(StringComparer.Ordinal),
            AllowedTools = root.Scalars("allowed-tools")?.Select(s => s.Value).ToList() ?? [],
        };
    }

    private static void CheckName(YamlScalar? name, string folderName, string file, DiagnosticBag diagnostics)
    {
        if (name is null)
        {
            return;
        }

        if (!SkillNames.IsValid(name.Value))
        {
            diagnostics.Error(DiagnosticCodes.InvalidSkillName, file, name.Position,
                $"skill name `{name.Value}` is invalid: use 1–{SkillSchema.MaxNameLength} lowercase letters, digits and single hyphens, "
                + "not starting or ending with a hyphen",
                $"rename the skill (and its folder), for example `{Suggest(name.Value)}`");
        }
        else if (!string.Equals(name.Value, folderName, StringComparison.Ordinal))
        {
            diagnostics.Error(DiagnosticCodes.SkillNameMismatch, file, name.Position,
                $"skill name `{name.Value}` differs from its folder name `{folderName}`; they must be equal",
                $"set `name: {folderName}` or rename the folder to {name.Value}");
        }
    }

    private static string Suggest(string name)
    {
        var lowered = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        var collapsed = string.Join('-', lowered.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? "my-skill" : collapsed[..Math.Min(collapsed.Length, SkillSchema.MaxNameLength)].TrimEnd('-');
    }
}
