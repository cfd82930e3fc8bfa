using System.Text;
using DatabaseExpert.Agent.Definition;
using DatabaseExpert.Agent.Skills;
using DatabaseExpert.Agent.Tests.Definition;

namespace DatabaseExpert.Agent.Tests.Skills;

public sealed class SkillLoaderTests
{
    [Fact]
    public void A_complete_skill_loads_with_its_metadata_sizes_and_files()
    {
        using var folder = new TempFolder();
        var body = "# Locks\n\nRead references/locks.md first.\nThen décide.";
        folder.Write("pg-locks/SKILL.md", $"""
            ---
            name: pg-locks
            description: Explains PostgreSQL lock levels. Use when a migration may block traffic.
            license: MIT
            compatibility: PostgreSQL 13 or later
            metadata:
              author: dbx
              version: "1.2"
            allowed-tools: Read Bash(psql:*)
            ---

            {body}
            """);
        folder.Write("pg-locks/references/locks.md", "0123456789");
        folder.Write("pg-locks/scripts/check.sql", "select 1;");
        folder.Write("pg-locks/.hidden/notes.md", "private");

        var result = SkillLoader.Load(folder.PathOf("pg-locks"));

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var skill = result.Skill!;
        Assert.Equal("pg-locks", skill.Name);
        Assert.Equal("Explains PostgreSQL lock levels. Use when a migration may block traffic.", skill.Description);
        Assert.Equal(folder.PathOf("pg-locks"), skill.Directory);
        Assert.Equal(folder.PathOf("pg-locks/SKILL.md"), skill.BodyPath);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), skill.BodyBytes);
        Assert.Equal(4, skill.BodyLines);
        Assert.Equal([new SkillFile("references/locks.md", 10), new SkillFile("scripts/check.sql", 9)], skill.Files);
        Assert.Equal("MIT", skill.License);
        Assert.Equal("PostgreSQL 13 or later", skill.Compatibility);
        Assert.Equal(("dbx", "1.2"), (skill.Metadata["author"], skill.Metadata["version"]));
        Assert.Equal(["Read", "Bash(psql:*)"], skill.AllowedTools);
    }

    public static TheoryData<string, string, string, int, int> BadSkills => new()
    {
        // folder, SKILL.md, code, line, column
        { "pg-locks", "---\nname: pg-lock\ndescription: Locks.\n---\nBody.\n", DiagnosticCodes.SkillNameMismatch, 2, 7 },
        { "pg-locks", $"---\nname: pg-locks\ndescription: {new string('x', 1025)}\n---\nBody.\n", DiagnosticCodes.ValueTooLong, 3, 14 },
        { "pg-locks", $"---\nname: pg-locks\ndescription: Locks.\ncompatibility: {new string('x', 501)}\n---\nBody.\n", DiagnosticCodes.ValueTooLong, 4, 16 },
        { "pg-locks", "---\ndescription: Locks.\n---\nBody.\n", DiagnosticCodes.MissingKey, 2, 1 },
        { "pg-locks", "---\nname: pg-locks\n---\nBody.\n", DiagnosticCodes.MissingKey, 2, 1 },
        { "pg-locks", "---\nname: pg-locks\ndescription: Locks.\nmetadata:\n  owner: { team: db }\n---\nBody.\n", DiagnosticCodes.WrongType, 5, 10 },
        { "pg-locks", "---\nname: pg-locks\ndescription: Locks.\nmetadata: [a]\n---\nBody.\n", DiagnosticCodes.WrongType, 4, 11 },
        { "pg-locks", "Body without frontmatter.\n", DiagnosticCodes.MissingFrontmatter, 1, 1 },
        { "pg-locks", "---\nname: pg-locks\ndescription: Locks.\n", DiagnosticCodes.UnterminatedFrontmatter, 1, 1 },
        { "pg-locks", "---\nname: pg-locks\n\tdescription: Locks.\n---\nBody.\n", DiagnosticCodes.YamlSyntax, 3, 1 },
    };

    [Theory]
    [MemberData(nameof(BadSkills))]
    public void Bad_skill_is_one_positioned_error(string folderName, string content, string code, int line, int column)
    {
        using var folder = new TempFolder();
        var file = folder.Write($"{folderName}/SKILL.md", content);

        var result = SkillLoader.Load(folder.PathOf(folderName));

        Assert.Null(result.Skill);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((code, file, line, column), (error.Code, error.File, error.Line, error.Column));
        Assert.False(string.IsNullOrWhiteSpace(error.Help));
    }

    [Theory]
    [InlineData("Drizzle-ORM")]
    [InlineData("-drizzle")]
    [InlineData("drizzle-")]
    [InlineData("drizzle--orm")]
    [InlineData("drizzle_orm")]
    [InlineData("drizzle.orm")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Invalid_skill_names_are_rejected_even_when_they_equal_the_folder(string name)
    {
        using var folder = new TempFolder();
        var file = folder.Write($"{name}/SKILL.md", $"---\nname: {name}\ndescription: Something.\n---\nBody.\n");

        var result = SkillLoader.Load(folder.PathOf(name));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidSkillName, file, 2, 7), (error.Code, error.File, error.Line, error.Column));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("sql-optimization-patterns")]
    [InlineData("pg15")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Valid_skill_names_load(string name)
    {
        using var folder = new TempFolder();
        folder.Write($"{name}/SKILL.md", $"---\nname: {name}\ndescription: Something.\n---\nBody.\n");

        Assert.True(SkillLoader.Load(folder.PathOf(name)).Succeeded);
    }

    public static TheoryData<string, string, DiagnosticSeverity, int> SkillWarnings => new()
    {
        { "---\nname: s\ndescription: d\nversion: 2\n---\nBody.\n", DiagnosticCodes.UnknownKey, DiagnosticSeverity.Warning, 4 },
        { "---\nname: s\ndescription: d\n---\n" + string.Join('\n', Enumerable.Range(1, 501).Select(i => $"line {i}")), DiagnosticCodes.SkillBodyTooLong, DiagnosticSeverity.Warning, 5 },
        { "---\nname: s\ndescription: d\n---\n\n", DiagnosticCodes.EmptyBody, DiagnosticSeverity.Warning, 5 },
    };

    [Theory]
    [MemberData(nameof(SkillWarnings))]
    public void Questionable_skills_load_with_a_warning(string content, string code, DiagnosticSeverity severity, int line)
    {
        using var folder = new TempFolder();
        folder.Write("s/SKILL.md", content);

        var result = SkillLoader.Load(folder.PathOf("s"));

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((code, severity, line), (warning.Code, warning.Severity, warning.Line));
    }

    [Fact]
    public void A_body_of_exactly_500_lines_has_no_warning()
    {
        using var folder = new TempFolder();
        folder.Write("s/SKILL.md", "---\nname: s\ndescription: d\n---\n" + string.Join('\n', Enumerable.Range(1, 500).Select(i => $"line {i}")));

        var result = SkillLoader.Load(folder.PathOf("s"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(500, result.Skill!.BodyLines);
    }

    [Fact]
    public void A_folder_without_SKILL_md_is_an_error_naming_the_file()
    {
        using var folder = new TempFolder();
        folder.CreateDirectory("empty");

        var error = Assert.Single(SkillLoader.Load(folder.PathOf("empty")).Diagnostics);

        Assert.Equal((DiagnosticCodes.FileNotFound, folder.PathOf("empty/SKILL.md")), (error.Code, error.File));
    }
}
