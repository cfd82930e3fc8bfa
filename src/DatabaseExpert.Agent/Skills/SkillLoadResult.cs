using DatabaseExpert.Agent.Definition;

namespace DatabaseExpert.Agent.Skills;

/// <summary>The skill (null when it has errors) and every diagnostic about its SKILL.md.</summary>
public sealed record SkillLoadResult(Skill? Skill, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Skill is not null && !Diagnostics.Any(d => d.IsError);
}
