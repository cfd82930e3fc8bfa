using System.Globalization;
using System.Text;
using DatabaseExpert.Agent.Definition.Internal;
using DatabaseExpert.Agent.Skills.Internal;

namespace DatabaseExpert.Agent.Skills;

/// <summary>
/// The skills of an agent, disclosed progressively: <see cref="SystemPromptSection"/> gives only names and
/// descriptions; <see cref="ActivateSkill"/> returns a body on demand; <see cref="ReadSkillFile"/> returns one file of
/// a skill, never anything outside its folder. Refusals throw <see cref="SkillException"/> with a message meant for the model.
/// </summary>
public sealed class SkillCatalog
{
    public const int DefaultMaxFileBytes = 256 * 1024;

    private readonly Dictionary<string, Skill> _skills;
    private readonly int _maxFileBytes;

    public SkillCatalog(IEnumerable<Skill> skills, int maxFileBytes = DefaultMaxFileBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFileBytes);
        _skills = new Dictionary<string, Skill>(StringComparer.Ordinal);
        foreach (var skill in skills)
        {
            if (!_skills.TryAdd(skill.Name, skill))
            {
                throw new ArgumentException($"two skills are named '{skill.Name}'", nameof(skills));
            }
        }

        _maxFileBytes = maxFileBytes;
        Skills = [.. _skills.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<Skill> Skills { get; }

    /// <summary>The system prompt lines announcing the skills (empty when there are none): names and descriptions only.</summary>
    public string SystemPromptSection()
    {
        if (Skills.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.Append("# Skills\n");
        text.Append("Before working on a task that matches a skill below, call `activate_skill` with its name to load its instructions.\n\n");
        foreach (var skill in Skills)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {skill.Name}: {skill.Description.ReplaceLineEndings(" ").Trim()}\n");
        }

        return text.ToString();
    }

    /// <summary>The SKILL.md body (without frontmatter), followed by the list of the skill's other files when it has some.</summary>
    public string ActivateSkill(string name)
    {
        var skill = Find(name);
        string text;
        try
        {
            text = File.ReadAllText(skill.BodyPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SkillException($"skill '{skill.Name}' cannot be read from {skill.BodyPath}: {exception.Message}", exception);
        }

        // The file was checked when the skill loaded; an edit since then that breaks the frontmatter yields no body.
        var body = Frontmatter.Split(text, skill.BodyPath, new DiagnosticBag(), SkillLoader.SkillFileName)?.Body ?? string.Empty;
        if (skill.Files.Count == 0)
        {
            return body;
        }

        var listing = new StringBuilder(body).Append("\n\n---\nFiles in this skill (read them with `read_skill_file`):\n");
        foreach (var file in skill.Files)
        {
            listing.Append(CultureInfo.InvariantCulture, $"- {file.RelativePath} ({file.SizeBytes} bytes)\n");
        }

        return listing.ToString();
    }

    /// <summary>
    /// A file of the skill, by path relative to its folder. Files over the size cap are cut, with a note saying so.
    /// </summary>
    public string ReadSkillFile(string name, string relativePath)
    {
        var skill = Find(name);
        var path = SkillPathJail.Resolve(skill.Directory, relativePath);
        if (!File.Exists(path))
        {
            var files = string.Join(", ", new[] { SkillLoader.SkillFileName }.Concat(skill.Files.Select(f => f.RelativePath)));
            throw new SkillException($"skill '{skill.Name}' has no file '{relativePath}'. Its files: {files}");
        }

        try
        {
            using var stream = File.OpenRead(path);
            var length = stream.Length;
            var buffer = new byte[Math.Min(length, _maxFileBytes)];
            stream.ReadExactly(buffer);
            if (Array.IndexOf(buffer, (byte)0) >= 0)
            {
                throw new SkillException($"'{relativePath}' in skill '{skill.Name}' is a binary file; only text files can be read");
            }

            var text = Encoding.UTF8.GetString(buffer);
            return length <= _maxFileBytes
                ? text
                : text + $"\n\n[truncated: '{relativePath}' is {length} bytes; only the first {_maxFileBytes} are shown]";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SkillException($"'{relativePath}' in skill '{skill.Name}' cannot be read: {exception.Message}", exception);
        }
    }

    private Skill Find(string name)
    {
        if (_skills.TryGetValue(name.Trim(), out var skill))
        {
            return skill;
        }

        var available = Skills.Count == 0 ? "this agent has no skills" : "available skills: " + string.Join(", ", Skills.Select(s => s.Name));
        throw new SkillException($"there is no skill named '{name}'; {available}");
    }
}
