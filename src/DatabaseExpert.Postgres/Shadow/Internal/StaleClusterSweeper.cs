namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>
/// Removes cluster and staging directories whose owning process is gone (killed with SIGKILL, power loss…),
/// stopping any server still running in them. Runs at every start; never fails a start.
/// </summary>
internal static class StaleClusterSweeper
{
    /// <summary>A directory without an owner record is only garbage once no creator can still be writing it.</summary>
    private static readonly TimeSpan OwnerlessGrace = TimeSpan.FromMinutes(10);

    /// <summary>Returns the directories that were removed.</summary>
    public static IReadOnlyList<string> Sweep(string root, TimeProvider timeProvider)
    {
        var removed = new List<string>();
        IEnumerable<string> directories;
        try
        {
            directories = Directory.EnumerateDirectories(root).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return removed;
        }

        foreach (var directory in directories)
        {
            try
            {
                if (IsStale(directory, timeProvider) && Remove(root, directory))
                {
                    removed.Add(directory);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process may be sweeping the same directory; whoever wins removes it.
            }
        }

        return removed;
    }

    private static bool IsStale(string directory, TimeProvider timeProvider)
    {
        var owner = OwnerRecord.TryRead(directory);
        if (owner is not null)
        {
            return !owner.IsAlive();
        }

        var age = timeProvider.GetUtcNow().UtcDateTime - Directory.GetLastWriteTimeUtc(directory);
        return age > OwnerlessGrace;
    }

    private static bool Remove(string root, string directory)
    {
        var dataDirectory = Path.Combine(directory, "data");
        if (PostmasterPidFile.TryRead(dataDirectory) is { } server)
        {
            ClusterInstance.Terminate(server.ProcessId, dataDirectory);
        }

        // Claim it by renaming: concurrent sweepers then never delete under each other's feet.
        var claimed = Path.Combine(root, $".swept-{Guid.NewGuid():N}");
        Directory.Move(directory, claimed);
        Directory.Delete(claimed, recursive: true);
        return true;
    }
}
