namespace DatabaseExpert.Agent.Skills;

/// <summary>A file inside a skill folder other than SKILL.md; <see cref="RelativePath"/> uses <c>/</c>.</summary>
public sealed record SkillFile(string RelativePath, long SizeBytes);
