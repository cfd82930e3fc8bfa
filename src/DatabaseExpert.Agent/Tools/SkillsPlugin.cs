using System.ComponentModel;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Skills;
using Microsoft.SemanticKernel;

namespace DatabaseExpert.Agent.Tools;

/// <summary>Progressive disclosure of skills: the prompt lists names and descriptions; these load the rest on demand.</summary>
public sealed class SkillsPlugin(SkillCatalog catalog)
{
    public const string PluginName = "skills";

    [KernelFunction("activate_skill")]
    [Description("Load the full instructions of a skill listed under # Skills in the system prompt. Call it before relying on the skill.")]
    [ToolAccess(ToolAccess.ReadOnly)]
    public string ActivateSkill([Description("The skill's name, exactly as listed")] string name) => catalog.ActivateSkill(name);

    [KernelFunction("read_skill_file")]
    [Description("Read a reference file of a skill (a path listed when the skill was activated, e.g. references/migrations.md).")]
    [ToolAccess(ToolAccess.ReadOnly)]
    public string ReadSkillFile(
        [Description("The skill's name")] string name,
        [Description("Path of the file inside the skill folder")] string path) => catalog.ReadSkillFile(name, path);
}
