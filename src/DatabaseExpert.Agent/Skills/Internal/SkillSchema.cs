using DatabaseExpert.Agent.Definition.Internal.Schema;

namespace DatabaseExpert.Agent.Skills.Internal;

/// <summary>The SKILL.md frontmatter of the Agent Skills specification.</summary>
internal static class SkillSchema
{
    public const int MaxNameLength = 64;
    public const int MaxDescriptionLength = 1024;
    public const int MaxCompatibilityLength = 500;
    public const int RecommendedMaxBodyLines = 500;

    public static MapShape Frontmatter { get; } = Shape.Map(
        new Field("name", Shape.Text, Required: true, Help: "add `name: <folder-name>` (lowercase letters, digits and hyphens)"),
        new Field("description", Shape.Text, Required: true, Help: "add `description: …` saying what the skill does and when to use it"),
        new Field("license", Shape.Text),
        new Field("compatibility", Shape.Text),
        new Field("metadata", Shape.TextMap),
        new Field("allowed-tools", Shape.WordsOrTexts));
}
