using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>Finds PostgreSQL server binaries, recording every place it looked so that a failure can say so.</summary>
internal sealed partial class BinaryLocator(Func<string, string?> environment, IReadOnlyList<string> wellKnownRoots)
{
    /// <summary>Directory patterns searched last; one '*' per pattern stands for a version, highest first.</summary>
    public static readonly IReadOnlyList<string> WellKnownRoots =
    [
        "/usr/lib/postgresql/*/bin",
        "/opt/homebrew/opt/postgresql@*/bin",
        "/usr/local/opt/postgresql@*/bin",
        "/usr/pgsql-*/bin",
    ];

    private static readonly string[] ServerPrograms = ["pg_ctl", "initdb", "postgres"];

    private readonly List<string> _lookedAt = [];
    private readonly Dictionary<string, string> _shareDirectoryByBin = new(StringComparer.Ordinal);

    public PostgresBinaries Locate()
    {
        var explicitDirectory = environment(PostgresBinaries.BinDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            // An explicit choice is honoured or refused, never silently replaced by another install.
            return TryDescribe(explicitDirectory.Trim(), PostgresBinaries.BinDirectoryVariable, out var reason)
                ?? throw new ShadowClusterException(
                    ShadowClusterErrorKind.BinariesNotFound,
                    $"{PostgresBinaries.BinDirectoryVariable} is set to '{explicitDirectory}', but {reason}. Point "
                    + $"{PostgresBinaries.BinDirectoryVariable} at the directory that holds initdb, pg_ctl and postgres "
                    + "(`pg_config --bindir` prints it, e.g. /usr/lib/postgresql/16/bin), or unset it to let dbx search.");
        }

        _lookedAt.Add($"{PostgresBinaries.BinDirectoryVariable}: not set");
        return FromPgConfig() ?? FromPath() ?? FromWellKnownRoots() ?? throw NotFound();
    }

    private PostgresBinaries? FromPgConfig()
    {
        var pgConfig = FindOnPath("pg_config");
        if (pgConfig is null)
        {
            _lookedAt.Add("pg_config --bindir: pg_config is not on PATH");
            return null;
        }

        var result = CommandRunner.Run(pgConfig, ["--bindir", "--sharedir"]);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!result.Succeeded || lines.Length < 2)
        {
            _lookedAt.Add($"pg_config --bindir: {pgConfig} failed: {FirstLine(result.Output)}");
            return null;
        }

        _shareDirectoryByBin[lines[0]] = lines[1];
        return TryDescribe(lines[0], "pg_config --bindir", out var reason) ?? Skip($"pg_config --bindir ({lines[0]})", reason);
    }

    private PostgresBinaries? FromPath()
    {
        var found = ServerPrograms.Select(name => (Name: name, Path: FindOnPath(name))).ToList();
        var missing = found.Where(f => f.Path is null).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            _lookedAt.Add($"PATH: {string.Join(", ", missing)} not found");
            return null;
        }

        var resolved = found.Select(f => (f.Name, Path: ResolveLinks(f.Path!))).ToList();
        var wrapper = resolved.FirstOrDefault(r => !IsNativeExecutable(r.Path));
        if (wrapper.Path is not null)
        {
            _lookedAt.Add($"PATH: {wrapper.Path} is a wrapper script, not the server program");
            return null;
        }

        var directory = Path.GetDirectoryName(resolved.First(r => r.Name == "initdb").Path)!;
        return TryDescribe(directory, "PATH", out var reason) ?? Skip($"PATH ({directory})", reason);
    }

    private PostgresBinaries? FromWellKnownRoots()
    {
        foreach (var pattern in wellKnownRoots)
        {
            var candidates = ExpandVersionPattern(pattern);
            if (candidates.Count == 0)
            {
                _lookedAt.Add($"{pattern}: nothing there");
                continue;
            }

            foreach (var candidate in candidates)
            {
                var binaries = TryDescribe(candidate, pattern, out var reason);
                if (binaries is not null)
                {
                    return binaries;
                }

                _lookedAt.Add($"{candidate}: {reason}");
            }
        }

        return null;
    }

    private PostgresBinaries? Skip(string where, string reason)
    {
        _lookedAt.Add($"{where}: {reason}");
        return null;
    }

    private ShadowClusterException NotFound()
    {
        var message = new StringBuilder("No PostgreSQL server binaries (initdb, pg_ctl, postgres) were found. dbx looked at:");
        foreach (var line in _lookedAt)
        {
            message.Append("\n  - ").Append(line);
        }

        message.Append("\nInstall the PostgreSQL server:")
            .Append("\n  Debian/Ubuntu:   sudo apt-get install postgresql")
            .Append("\n  Fedora/RHEL:     sudo dnf install postgresql-server")
            .Append("\n  macOS:           brew install postgresql@16")
            .Append($"\nor set {PostgresBinaries.BinDirectoryVariable} to the directory that holds initdb, pg_ctl and postgres.");
        return new ShadowClusterException(ShadowClusterErrorKind.BinariesNotFound, message.ToString());
    }

    /// <summary>Describes a bin directory, or returns null with the reason it is not usable.</summary>
    private PostgresBinaries? TryDescribe(string directory, string source, out string reason)
    {
        if (!Directory.Exists(directory))
        {
            reason = "that directory does not exist";
            return null;
        }

        var missing = ServerPrograms.Where(p => !IsExecutable(Path.Combine(directory, p))).ToList();
        if (missing.Count > 0)
        {
            reason = $"it has no executable {string.Join(", ", missing)}";
            return null;
        }

        var versionOutput = CommandRunner.Run(Path.Combine(directory, "postgres"), ["--version"]);
        var match = VersionPattern().Match(versionOutput.StandardOutput);
        if (!versionOutput.Succeeded || !match.Success)
        {
            reason = $"`postgres --version` did not print a version ({FirstLine(versionOutput.Output)})";
            return null;
        }

        var major = int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture);
        var version = match.Groups["minor"].Success ? $"{major}.{match.Groups["minor"].Value}" : $"{major}";
        var share = FindShareDirectory(directory, major);
        reason = "";
        return new PostgresBinaries(
            directory,
            version,
            major,
            share,
            HasExtension(share, "hypopg"),
            HasExtension(share, "pg_stat_statements"),
            source);
    }

    private string? FindShareDirectory(string binDirectory, int major)
    {
        if (!_shareDirectoryByBin.TryGetValue(binDirectory, out var fromPgConfig))
        {
            var ownPgConfig = Path.Combine(binDirectory, "pg_config");
            if (IsExecutable(ownPgConfig))
            {
                var result = CommandRunner.Run(ownPgConfig, ["--sharedir"]);
                fromPgConfig = result.Succeeded ? result.StandardOutput.Trim() : null;
            }
        }

        var parent = Path.GetDirectoryName(binDirectory) ?? binDirectory;
        string?[] candidates =
        [
            fromPgConfig,
            $"/usr/share/postgresql/{major}",
            Path.Combine(parent, "share", "postgresql"),
            Path.Combine(parent, "share", $"postgresql@{major}"),
            Path.Combine(parent, "share"),
        ];

        // postgres.bki is what initdb itself needs from the share directory: its presence proves the match.
        return candidates.FirstOrDefault(c => c is not null && File.Exists(Path.Combine(c, "postgres.bki")));
    }

    private static bool HasExtension(string? shareDirectory, string extension) =>
        shareDirectory is not null && File.Exists(Path.Combine(shareDirectory, "extension", extension + ".control"));

    private string? FindOnPath(string program)
    {
        var path = environment("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(IsExecutable);
    }

    private static List<string> ExpandVersionPattern(string pattern)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        var segmentStart = pattern.LastIndexOf('/', star) + 1;
        var segmentEnd = pattern.IndexOf('/', star);
        var parent = pattern[..Math.Max(segmentStart - 1, 0)];
        var segment = segmentEnd < 0 ? pattern[segmentStart..] : pattern[segmentStart..segmentEnd];
        var rest = segmentEnd < 0 ? "" : pattern[(segmentEnd + 1)..];
        if (!Directory.Exists(parent))
        {
            return [];
        }

        var prefix = segment[..(star - segmentStart)];
        return Directory.EnumerateDirectories(parent, segment)
            .Select(dir => (Dir: dir, Version: ParseVersion(Path.GetFileName(dir)[prefix.Length..])))
            .OrderByDescending(d => d.Version)
            .Select(d => rest.Length == 0 ? d.Dir : Path.Combine(d.Dir, rest))
            .Where(Directory.Exists)
            .ToList();
    }

    private static Version ParseVersion(string text)
    {
        var digits = LeadingVersion().Match(text).Value;
        if (!digits.Contains('.', StringComparison.Ordinal))
        {
            digits += ".0";
        }

        return Version.TryParse(digits, out var version) ? version : new Version(0, 0);
    }

    private static string ResolveLinks(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path;
        }
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }

    /// <summary>ELF or Mach-O: a real program rather than a shell or perl wrapper (e.g. Debian's pg_wrapper).</summary>
    private static bool IsNativeExecutable(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4)
            {
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var value = BitConverter.ToUInt32(magic);
        return magic is [0x7F, (byte)'E', (byte)'L', (byte)'F']
            || value is 0xFEEDFACE or 0xFEEDFACF or 0xCEFAEDFE or 0xCFFAEDFE or 0xCAFEBABE or 0xBEBAFECA;
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? trimmed : trimmed[..newline];
    }

    [GeneratedRegex(@"\(PostgreSQL\)\s+(?<major>\d+)(?:\.(?<minor>\d+))?")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^\d+(\.\d+)*")]
    private static partial Regex LeadingVersion();
}
