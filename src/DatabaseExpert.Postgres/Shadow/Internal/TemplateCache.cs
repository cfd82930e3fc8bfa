using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>
/// initdb once per installation into a cached template that every cluster copies. Concurrent processes are kept from
/// building the same template twice by a lock file; correctness does not depend on it: each builder works in its own
/// staging directory and publishes by an atomic rename, and a loser simply uses the winner's template.
/// </summary>
internal sealed class TemplateCache(
    string cacheRoot,
    string stagingRoot,
    PostgresBinaries binaries,
    ServerAccount account,
    TimeProvider timeProvider)
{
    private const string PreferredLocale = "C.UTF-8";
    private const string FallbackLocale = "C";
    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(20);

    public string Key { get; } = ComputeKey(binaries, account);

    public string TemplateDirectory => Path.Combine(cacheRoot, Key);

    public string TemplateDataDirectory => Path.Combine(TemplateDirectory, "data");

    /// <summary>Returns true when this call built the template, false when it was already there.</summary>
    public async Task<bool> EnsureAsync(TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        if (IsComplete())
        {
            return false;
        }

        CreateCacheRoot();
        using var fileLock = await AcquireLockAsync(lockTimeout, cancellationToken);
        if (fileLock is null || IsComplete())
        {
            return false;
        }

        RemoveAbandonedBuilds();
        await BuildAsync(cancellationToken);
        return true;
    }

    private bool IsComplete() =>
        Directory.Exists(TemplateDataDirectory) && TemplateMarker.TryRead(TemplateDirectory) is not null;

    private void CreateCacheRoot()
    {
        try
        {
            Directory.CreateDirectory(cacheRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ShadowClusterException(
                ShadowClusterErrorKind.FileSystem,
                $"Cannot create the template cache directory '{cacheRoot}': {e.Message}. Set XDG_CACHE_HOME or "
                + "ShadowClusterOptions.CacheDirectory to a writable directory.",
                e);
        }
    }

    /// <summary>The exclusive lock, or null when another builder completed the template while we waited.</summary>
    private async Task<FileStream?> AcquireLockAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var lockPath = Path.Combine(cacheRoot, Key + ".lock");
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix; the kernel drops it if the holder dies.
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (timeProvider.GetElapsedTime(started) < timeout)
            {
                if (IsComplete())
                {
                    return null;
                }

                await Task.Delay(LockPollInterval, timeProvider, cancellationToken);
            }
            catch (IOException e)
            {
                throw new ShadowClusterException(
                    ShadowClusterErrorKind.TemplateCreationFailed,
                    $"Waited {timeout.TotalSeconds:0} s for another process building the template ('{lockPath}' is locked). "
                    + "If no dbx process is running, delete that file.",
                    e);
            }
        }
    }

    /// <summary>Staging directories of builders that died; we hold the lock, so none of them is in progress.</summary>
    private void RemoveAbandonedBuilds()
    {
        foreach (var leftover in Directory.EnumerateDirectories(cacheRoot, $".{Key}.build-*"))
        {
            TryDelete(leftover);
        }
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        // As root, initdb runs as the service user, who cannot reach a cache below /root: stage where it can.
        var staging = account.SwitchesUser
            ? ClusterInstance.Create(stagingRoot, "t", account)
            : null;
        var stagingDirectory = staging?.Directory ?? Path.Combine(cacheRoot, $".{Key}.build-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(stagingDirectory);
            var watch = Stopwatch.StartNew();
            var locale = await RunInitdbAsync(Path.Combine(stagingDirectory, "data"), cancellationToken);
            new TemplateMarker(
                Guid.NewGuid().ToString("N"),
                timeProvider.GetUtcNow(),
                binaries.BinDirectory,
                binaries.Version,
                locale,
                watch.Elapsed.TotalMilliseconds).WriteTo(stagingDirectory);
            File.Delete(Path.Combine(stagingDirectory, OwnerRecord.FileName));
            await PublishAsync(stagingDirectory, cancellationToken);
        }
        finally
        {
            if (staging is not null)
            {
                await staging.StopAndDeleteAsync();
            }
            else
            {
                TryDelete(stagingDirectory);
            }
        }
    }

    private async Task<string> RunInitdbAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var first = await InitdbAsync(dataDirectory, PreferredLocale, cancellationToken);
        if (first.Succeeded)
        {
            return PreferredLocale;
        }

        // C.UTF-8 is missing on some systems (older glibc, macOS); plain C with UTF8 encoding works everywhere.
        TryDelete(dataDirectory);
        var second = await InitdbAsync(dataDirectory, FallbackLocale, cancellationToken);
        if (second.Succeeded)
        {
            return FallbackLocale;
        }

        throw new ShadowClusterException(
            ShadowClusterErrorKind.TemplateCreationFailed,
            $"initdb ({binaries.InitdbPath}) failed to create the template in '{dataDirectory}'.\n"
            + $"With --locale={PreferredLocale}: {first.Output}\nWith --locale={FallbackLocale}: {second.Output}");
    }

    private Task<CommandResult> InitdbAsync(string dataDirectory, string locale, CancellationToken cancellationToken) =>
        account.RunAsync(
            binaries.InitdbPath,
            ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", $"--locale={locale}", "-N"],
            cancellationToken);

    /// <summary>Moves the finished staging directory to its final name in one rename.</summary>
    private async Task PublishAsync(string stagingDirectory, CancellationToken cancellationToken)
    {
        if (TryRename(stagingDirectory))
        {
            return;
        }

        // A rename cannot cross file systems (staging in /tmp, cache in the home directory): copy next to the
        // destination first, then rename there.
        var copy = Path.Combine(cacheRoot, $".{Key}.build-{Guid.NewGuid():N}");
        var result = await CommandRunner.RunAsync("cp", ["-a", stagingDirectory, copy], cancellationToken);
        if (!result.Succeeded)
        {
            TryDelete(copy);
            throw new ShadowClusterException(
                ShadowClusterErrorKind.TemplateCreationFailed,
                $"Copying the new template from '{stagingDirectory}' to '{copy}' failed: {result.Output}");
        }

        if (!TryRename(copy))
        {
            TryDelete(copy);
            throw new ShadowClusterException(
                ShadowClusterErrorKind.TemplateCreationFailed,
                $"Could not move the new template into '{TemplateDirectory}'. Check that the directory is writable.");
        }
    }

    /// <summary>True when <paramref name="source"/> became the template, or another builder's template is in place.</summary>
    private bool TryRename(string source)
    {
        try
        {
            Directory.Move(source, TemplateDirectory);
            return true;
        }
        catch (IOException) when (IsComplete())
        {
            // Another builder (without a working lock) published first; theirs is as good as ours.
            TryDelete(source);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string ComputeKey(PostgresBinaries binaries, ServerAccount account)
    {
        var identity = string.Join('\n', binaries.BinDirectory, binaries.Version, PreferredLocale, "UTF8", "trust", account.Identity);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
        return $"{binaries.MajorVersion}-{hash[..16]}";
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover staging directory is removed by the next builder or sweep.
        }
    }
}
