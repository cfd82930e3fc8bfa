using DatabaseExpert.Agent.Skills;
using DatabaseExpert.Agent.Tests.Definition;

namespace DatabaseExpert.Agent.Tests.Skills;

public sealed class SkillCatalogTests : IDisposable
{
    private const string BodyMarker = "BODY-ONLY-MARKER";

    private readonly TempFolder _folder = new();

    public SkillCatalogTests()
    {
        _folder.Write("skills/pg-locks/SKILL.md", DefinitionTestData.Skill("pg-locks", "Lock levels. Use for risky migrations.", $"{BodyMarker} Read references/levels.md."));
        _folder.Write("skills/pg-locks/references/levels.md", "ACCESS EXCLUSIVE blocks everything.");
        _folder.Write("skills/pg-locks/references/inside-target.md", "linked content");
        _folder.Write("skills/drizzle/SKILL.md", DefinitionTestData.Skill("drizzle", "Drizzle ORM schemas.", "Use pgTable."));
        _folder.Write("outside/secret.txt", "TOP SECRET");
        File.CreateSymbolicLink(_folder.PathOf("skills/pg-locks/link-out.txt"), _folder.PathOf("outside/secret.txt"));
        Directory.CreateSymbolicLink(_folder.PathOf("skills/pg-locks/linked-dir"), _folder.PathOf("outside"));
        File.CreateSymbolicLink(_folder.PathOf("skills/pg-locks/link-in.md"), "references/inside-target.md");
        Catalog = new SkillCatalog([Load("pg-locks"), Load("drizzle")]);
    }

    private SkillCatalog Catalog { get; }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_system_prompt_section_holds_names_and_descriptions_only()
    {
        var section = Catalog.SystemPromptSection();

        Assert.Contains("- pg-locks: Lock levels. Use for risky migrations.", section, StringComparison.Ordinal);
        Assert.Contains("- drizzle: Drizzle ORM schemas.", section, StringComparison.Ordinal);
        Assert.Contains("activate_skill", section, StringComparison.Ordinal);
        Assert.DoesNotContain(BodyMarker, section, StringComparison.Ordinal);
        Assert.DoesNotContain("Use pgTable", section, StringComparison.Ordinal);
        Assert.DoesNotContain("references/levels.md", section, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_without_skills_adds_nothing_to_the_prompt() =>
        Assert.Equal(string.Empty, new SkillCatalog([]).SystemPromptSection());

    [Fact]
    public void Activating_a_skill_returns_its_body_without_frontmatter_and_lists_its_files()
    {
        var text = Catalog.ActivateSkill("pg-locks");

        Assert.StartsWith($"{BodyMarker} Read references/levels.md.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("description:", text, StringComparison.Ordinal);
        Assert.Contains("- references/levels.md (35 bytes)", text, StringComparison.Ordinal);
        Assert.Equal("Use pgTable.", Catalog.ActivateSkill("drizzle"));
    }

    [Fact]
    public void Activating_an_unknown_skill_lists_the_available_ones()
    {
        var exception = Assert.Throws<SkillException>(() => Catalog.ActivateSkill("pg-lock"));

        Assert.Contains("pg-lock", exception.Message, StringComparison.Ordinal);
        Assert.Contains("available skills: drizzle, pg-locks", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("references/levels.md")]
    [InlineData("./references/levels.md")]
    [InlineData("references\\levels.md")]
    public void Reading_a_skill_file_returns_its_text(string path) =>
        Assert.Equal("ACCESS EXCLUSIVE blocks everything.", Catalog.ReadSkillFile("pg-locks", path));

    [Fact]
    public void A_symbolic_link_that_stays_inside_the_skill_can_be_read() =>
        Assert.Equal("linked content", Catalog.ReadSkillFile("pg-locks", "link-in.md"));

    public static TheoryData<string, string> Escapes => new()
    {
        { "../drizzle/SKILL.md", "'..'" },
        { "references/../../drizzle/SKILL.md", "'..'" },
        { "../../outside/secret.txt", "'..'" },
        { "/etc/passwd", "absolute" },
        { "\\windows\\system.ini", "absolute" },
        { "C:/Windows/win.ini", "absolute" },
        { "link-out.txt", "symbolic link" },
        { "linked-dir/secret.txt", "symbolic link" },
        { "", "empty" },
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public void Reading_outside_the_skill_folder_is_refused(string path, string reason)
    {
        var exception = Assert.Throws<SkillException>(() => Catalog.ReadSkillFile("pg-locks", path));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP SECRET", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absolute_path_to_the_outside_file_is_refused()
    {
        var exception = Assert.Throws<SkillException>(() => Catalog.ReadSkillFile("pg-locks", _folder.PathOf("outside/secret.txt")));

        Assert.Contains("absolute", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_error_listing_the_skill_files()
    {
        var exception = Assert.Throws<SkillException>(() => Catalog.ReadSkillFile("pg-locks", "references/level.md"));

        Assert.Contains("references/level.md", exception.Message, StringComparison.Ordinal);
        Assert.Contains("SKILL.md, link-in.md, references/inside-target.md, references/levels.md", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_file_of_an_unknown_skill_lists_the_available_ones()
    {
        var exception = Assert.Throws<SkillException>(() => Catalog.ReadSkillFile("nope", "SKILL.md"));

        Assert.Contains("available skills: drizzle, pg-locks", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_over_the_size_cap_are_cut_with_a_note()
    {
        _folder.Write("skills/pg-locks/references/big.md", new string('a', 100));
        var catalog = new SkillCatalog([Load("pg-locks")], maxFileBytes: 40);

        var text = catalog.ReadSkillFile("pg-locks", "references/big.md");

        Assert.StartsWith(new string('a', 40) + "\n\n[truncated:", text, StringComparison.Ordinal);
        Assert.Contains("100 bytes", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_files_are_refused()
    {
        File.WriteAllBytes(_folder.PathOf("skills/pg-locks/assets.bin"), [1, 0, 2]);

        var exception = Assert.Throws<SkillException>(() => Catalog.ReadSkillFile("pg-locks", "assets.bin"));

        Assert.Contains("binary", exception.Message, StringComparison.Ordinal);
    }

    private Skill Load(string name) =>
        SkillLoader.Load(_folder.PathOf($"skills/{name}")).Skill ?? throw new InvalidOperationException($"test skill {name} did not load");
}
