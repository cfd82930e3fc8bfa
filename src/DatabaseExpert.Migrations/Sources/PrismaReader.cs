using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources.Internal;

namespace DatabaseExpert.Migrations.Sources;

/// <summary>
/// Prisma Migrate: <c>prisma/migrations/&lt;timestamp&gt;_&lt;name&gt;/migration.sql</c>, applied in folder-name order.
/// The schema engine sends each migration.sql as one simple query (prisma-engines, sql-schema-connector
/// flavour/postgres/connector/native/mod.rs, apply_migration_script → simple_query), so PostgreSQL's implicit
/// transaction decides: several statements run as one transaction, a lone statement in autocommit.
/// </summary>
internal sealed partial class PrismaReader : IMigrationReader
{
    private const string LockFile = "migration_lock.toml";

    public MigrationFormat Format => MigrationFormat.Prisma;

    public string LooksFor => "prisma/migrations/ or a folder with migration_lock.toml (Prisma Migrate)";

    public SourceDetection? DetectFolder(string directory)
    {
        if (MigrationsFolder(directory) is not { } migrations)
        {
            return null;
        }

        var root = Path.GetFileName(migrations) == "migrations" && Path.GetFileName(Path.GetDirectoryName(migrations)) == "prisma"
            ? Path.GetDirectoryName(Path.GetDirectoryName(migrations))!
            : directory;
        var lockFile = Path.Combine(migrations, LockFile);
        return new SourceDetection(Format, root, Path.GetRelativePath(directory, migrations))
        {
            ConfigFile = File.Exists(lockFile) ? lockFile : null,
        };
    }

    public SourceDetection? DetectFile(string file)
    {
        var migrations = Path.GetDirectoryName(Path.GetDirectoryName(file));
        return Path.GetFileName(file) == "migration.sql" && migrations is not null && File.Exists(Path.Combine(migrations, LockFile))
            ? DetectFolder(migrations)! with { SelectedFile = file }
            : null;
    }

    public MigrationSet Read(SourceDetection detection, SourceReadContext context)
    {
        var migrations = MigrationsFolder(detection.Root) ?? detection.Root;
        CheckProvider(migrations, context);
        var files = new List<MigrationFile>();
        foreach (var folder in Directory.EnumerateDirectories(migrations).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, "migration.sql");
            if (!File.Exists(file))
            {
                context.Note(Severity.Warning,
                    $"{context.Display(folder)} has no migration.sql: Prisma stops on it (P3015). Remove the folder or restore the file.");
                continue;
            }

            var text = SourceReadContext.ReadText(file);
            var (inTransaction, note) = ImplicitTransaction.For("Prisma", text);
            files.Add(new MigrationFile(file, context.Display(file), Path.GetFileName(folder), text, Format, inTransaction)
            {
                TransactionNote = note,
            });
        }

        return context.Result(Format, files);
    }

    /// <summary>
    /// prisma/migrations; else the folder itself or its migrations/ when it holds migration_lock.toml; else the folder
    /// when its subfolders are named like Prisma's (<c>20240101120000_name/migration.sql</c>).
    /// </summary>
    private static string? MigrationsFolder(string directory)
    {
        var prisma = Path.Combine(directory, "prisma", "migrations");
        if (Directory.Exists(prisma))
        {
            return prisma;
        }

        var locked = new[] { directory, Path.Combine(directory, "migrations") }.FirstOrDefault(d => File.Exists(Path.Combine(d, LockFile)));
        return locked ?? (Directory.EnumerateDirectories(directory).Any(IsMigrationFolder) ? directory : null);
    }

    private static bool IsMigrationFolder(string folder) =>
        MigrationFolderName().IsMatch(Path.GetFileName(folder)) && File.Exists(Path.Combine(folder, "migration.sql"));

    private static void CheckProvider(string migrations, SourceReadContext context)
    {
        var lockFile = Path.Combine(migrations, LockFile);
        if (!File.Exists(lockFile))
        {
            context.Note(Severity.Info, $"{context.Display(migrations)} has no {LockFile}: assumed provider postgresql.");
            return;
        }

        var provider = ProviderLine().Match(SourceReadContext.ReadText(lockFile));
        if (provider.Success && provider.Groups[1].Value is not ("postgresql" or "postgres" or "cockroachdb"))
        {
            context.Note(Severity.Warning,
                $"{LockFile} says provider = \"{provider.Groups[1].Value}\": dbx analyses PostgreSQL migrations only.", lockFile);
        }
    }

    [GeneratedRegex("^[0-9]{14}_", RegexOptions.CultureInvariant)]
    private static partial Regex MigrationFolderName();

    [GeneratedRegex("""^\s*provider\s*=\s*"([^"]*)"\s*$""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ProviderLine();
}
