using System.Globalization;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>Default locations of the template cache and of running clusters.</summary>
internal static class ShadowPaths
{
    public static string CacheDirectory(ShadowClusterOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CacheDirectory))
        {
            return Path.GetFullPath(options.CacheDirectory);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "dbx", "pg-template");
    }

    /// <summary>
    /// Clusters live in a short path per uid (the unix socket path must stay under ~104 bytes) that the service user
    /// can reach (unlike /root when running as root). RAM-backed /dev/shm is preferred when roomy: creating the
    /// template's ~1000 files is what a start mostly costs, and on some disks that alone takes a second.
    /// </summary>
    public static string ClustersDirectory(ShadowClusterOptions options) =>
        !string.IsNullOrWhiteSpace(options.ClustersDirectory)
            ? Path.GetFullPath(options.ClustersDirectory)
            : Path.Combine(DefaultClustersBase(), "dbx-shadow-" + Libc.EffectiveUserId.ToString(CultureInfo.InvariantCulture));

    /// <summary>/dev/shm when it is a tmpfs with room to spare (Docker's default 64 MB is not), else the temp directory.</summary>
    public static string DefaultClustersBase()
    {
        const string shm = "/dev/shm";
        const long enough = 2L * 1024 * 1024 * 1024;
        try
        {
            if (OperatingSystem.IsLinux() && Directory.Exists(shm))
            {
                var drive = new DriveInfo(shm);
                if (string.Equals(drive.DriveFormat, "tmpfs", StringComparison.Ordinal) && drive.AvailableFreeSpace >= enough)
                {
                    return shm;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Fall back to the temp directory.
        }

        return Path.TrimEndingDirectorySeparator(Path.GetTempPath());
    }

    /// <summary>Creates the clusters directory, traversable by the service user when one is used.</summary>
    public static void EnsureClustersDirectory(string path, ServerAccount account)
    {
        try
        {
            var info = Directory.CreateDirectory(path);
            if (info.LinkTarget is not null)
            {
                throw new ShadowClusterException(
                    ShadowClusterErrorKind.FileSystem,
                    $"The clusters directory '{path}' is a symbolic link; remove it or set ShadowClusterOptions.ClustersDirectory.");
            }

            if (!OperatingSystem.IsWindows())
            {
                // Setting the mode also proves we own it: in a shared /tmp another user could have created it first.
                File.SetUnixFileMode(path, account.SwitchesUser
                    ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                        | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute
                    : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ShadowClusterException(
                ShadowClusterErrorKind.FileSystem,
                $"Cannot prepare the clusters directory '{path}': {e.Message}. Remove it, or set "
                + "ShadowClusterOptions.ClustersDirectory to a directory you own.",
                e);
        }
    }
}
