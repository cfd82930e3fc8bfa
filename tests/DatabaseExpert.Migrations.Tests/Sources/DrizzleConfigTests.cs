using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources.Drizzle;
using DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Sources;

public sealed class DrizzleConfigTests
{
    public static TheoryData<string, string> Forms => new()
    {
        { "drizzle.config.ts", "import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ out: './mig', schema: './s.ts', dialect: 'postgresql' });" },
        { "drizzle.config.ts", "export default {\n  // out: './wrong',\n  out: \"./mig\", /* dialect: 'mysql' */ dialect: \"postgresql\",\n} satisfies Config;" },
        { "drizzle.config.ts", "import type { Config } from 'drizzle-kit';\nconst config: Config = { dialect: 'postgresql', out: `./mig` };\nexport default config;" },
        { "drizzle.config.js", "const { defineConfig } = require('drizzle-kit');\nmodule.exports = defineConfig({ out: './mig', dialect: 'postgresql' });" },
        { "drizzle.config.mjs", "const config = defineConfig({ out: './mig', dialect: 'postgresql', casing: 'snake_case' });\nexport default config;" },
        { "drizzle.config.json", "{ \"out\": \"./mig\", \"dialect\": \"postgresql\" }" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void CommonForms_AreReadWithoutRunningThem(string name, string text)
    {
        using var project = new TempProject();
        project.Write(name, text);

        var loaded = DrizzleProject.Load(project.Root);

        Assert.Equal(project.PathOf("mig"), loaded.OutPath);
        Assert.Equal("postgresql", loaded.Dialect);
        Assert.Empty(loaded.Notes);
    }

    [Fact]
    public void MigrationsTableAndSchemaList_AreRead()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", """
            export default defineConfig({
              dialect: 'postgresql',
              schema: ['./src/a.ts', './src/b.ts'],
              migrations: { table: 'my_migrations', schema: 'public' },
            });
            """);

        var loaded = DrizzleProject.Load(project.Root);

        Assert.Equal(["./src/a.ts", "./src/b.ts"], loaded.Schema);
        Assert.Equal(("my_migrations", "public"), (loaded.MigrationsTable, loaded.MigrationsSchema));
        Assert.Equal(project.PathOf("drizzle"), loaded.OutPath);
    }

    [Fact]
    public void ComputedOut_WithAFallback_UsesTheFallbackAndSaysSo()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", "export default defineConfig({\n  dialect: 'postgresql',\n  out: process.env.MIGRATIONS ?? './mig',\n});");

        var loaded = DrizzleProject.Load(project.Root);

        Assert.Equal(project.PathOf("mig"), loaded.OutPath);
        var note = Assert.Single(loaded.Notes);
        Assert.Equal((Severity.Info, 3), (note.Severity, note.Line));
        Assert.Contains("process.env.MIGRATIONS", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputedOut_WithoutAFallback_AssumesTheDefaultWithAWarning()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", "const dir = `${base}/sql`;\nexport default defineConfig({ dialect: 'postgresql', out: dir });");

        var loaded = DrizzleProject.Load(project.Root);

        Assert.Equal(project.PathOf("drizzle"), loaded.OutPath);
        Assert.Contains(loaded.Notes, n => n.Severity == Severity.Warning && n.Message.Contains("`out`", StringComparison.Ordinal));
    }

    [Fact]
    public void UnreadableExport_AssumesTheDefaultWithAWarning()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", "export default makeConfig(process.env.STAGE);");

        var loaded = DrizzleProject.Load(project.Root);

        Assert.Equal(project.PathOf("drizzle"), loaded.OutPath);
        Assert.Contains(loaded.Notes, n => n.Severity == Severity.Warning && n.Message.Contains("without running it", StringComparison.Ordinal));
    }

    [Fact]
    public void OtherDialects_AreNoted()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", "export default defineConfig({ dialect: 'mysql' });");

        var loaded = DrizzleProject.Load(project.Root);

        Assert.Contains(loaded.Notes, n => n.Message.Contains("'mysql'", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEnvironmentConfigGivenByName_IsUsed()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", "export default defineConfig({ dialect: 'postgresql', out: './dev' });");
        var production = project.Write("drizzle.prod.config.ts", "export default defineConfig({ dialect: 'postgresql', out: './prod' });");
        project.WriteJournal("prod", ("0000_a", 1));
        project.Write("prod/0000_a.sql", "SELECT 1;");

        var set = DatabaseExpert.Migrations.Sources.MigrationSources.Read(production);

        Assert.Equal("prod/0000_a.sql", Assert.Single(set.Files).DisplayPath);
    }
}
