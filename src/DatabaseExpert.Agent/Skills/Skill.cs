namespace DatabaseExpert.Agent.Skills;

/// <summary>
/// A loaded Agent Skill: its frontmatter and where its files are. The body is read on activation
/// (<see cref="SkillCatalog.ActivateSkill"/>), so only <see cref="Name"/> and <see cref="Description"/> cost context up front.
/// </summary>
/// <param name="Name">The skill name, equal to its folder name.</param>
/// <param name="Description">What the skill does and when to use it.</param>
/// <param name="Directory">Absolute path of the skill folder.</param>
/// <param name="BodyPath">Absolute path of its SKILL.md.</param>
/// <param name="BodyBytes">UTF-8 size of the body (after the frontmatter).</param>
/// <param name="BodyLines">Lines in the body.</param>
/// <param name="Files">Every other file of the skill (references, scripts, assets), sorted by path.</param>
public sealed record Skill(
    string Name,
    string Description,
    string Directory,
    string BodyPath,
    long BodyBytes,
    int BodyLines,
    IReadOnlyList<SkillFile> Files)
{
    public string? License { get; init; }

    public string? Compatibility { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The <c>allowed-tools</c> entries as written (recorded; dbx does not pre-approve tools from skills).</summary>
    public IReadOnlyList<string> AllowedTools { get; init; } = [];
}
