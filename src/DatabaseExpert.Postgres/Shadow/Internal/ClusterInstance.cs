using System.Diagnostics;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>
/// A directory this process owns that holds (or will hold) a running server: the unit that is stopped and removed on
/// dispose, on Ctrl-C/SIGTERM and at process exit. Registered in <see cref="LiveClusters"/> from the moment it exists.
/// </summary>
internal sealed class ClusterInstance
{
    private static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PidFileGrace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopRequested;

    private ClusterInstance(string directory)
    {
        Directory = directory;
    }

    /// <summary>The cluster directory: owner record, server log, unix socket and <c>data/</c>.</summary>
    public string Directory { get; }

    public string DataDirectory => Path.Combine(Directory, "data");

    public string LogPath => Path.Combine(Directory, "server.log");

    /// <summary>Set once pg_ctl was asked to start the server: from then on a pid file is expected.</summary>
    public bool ServerLaunched { get; set; }

    public int? ServerProcessId { get; set; }

    public bool IsStopped => _stopped.Task.IsCompleted;

    /// <summary>Creates a fresh directory with an owner record, handed to the service user, and registers it.</summary>
    public static ClusterInstance Create(string root, string prefix, ServerAccount account)
    {
        var path = Path.Combine(root, $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        var created = System.IO.Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var instance = new ClusterInstance(created.FullName);
        LiveClusters.Add(instance);
        try
        {
            OwnerRecord.Current().WriteTo(path);
            account.GiveOwnership(path);
            return instance;
        }
        catch
        {
            instance.StopAndDelete();
            throw;
        }
    }

    /// <summary>Stops the server (immediate shutdown) and deletes the directory; blocking, for signal and exit handlers.</summary>
    public void StopAndDelete()
    {
        if (Interlocked.Exchange(ref _stopRequested, 1) == 1)
        {
            _stopped.Task.Wait(QuitTimeout + KillTimeout + PidFileGrace);
            return;
        }

        try
        {
            var pid = ServerProcessId ?? WaitForPid();
            if (pid is int serverPid)
            {
                Terminate(serverPid, DataDirectory);
            }

            DeleteDirectory();
        }
        finally
        {
            Finish();
        }
    }

    public async Task StopAndDeleteAsync()
    {
        if (Interlocked.Exchange(ref _stopRequested, 1) == 1)
        {
            await _stopped.Task;
            return;
        }

        try
        {
            var pid = ServerProcessId ?? await WaitForPidAsync();
            if (pid is int serverPid)
            {
                await TerminateAsync(serverPid);
            }

            DeleteDirectory();
        }
        finally
        {
            Finish();
        }
    }

    /// <summary>Immediate shutdown of a server we may not have started (stale directories); SIGKILL as a last resort.</summary>
    public static void Terminate(int pid, string dataDirectory)
    {
        if (!ProcessState.IsServerOf(pid, dataDirectory))
        {
            return;
        }

        // SIGQUIT = immediate shutdown: the postmaster ends its children and removes its pid file and sockets.
        Libc.Signal(pid, Libc.SigQuit);
        if (!PollUntil(() => !ProcessState.IsRunning(pid), QuitTimeout))
        {
            Libc.Signal(pid, Libc.SigKill);
            PollUntil(() => !ProcessState.IsRunning(pid), KillTimeout);
        }
    }

    private static bool PollUntil(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(PollInterval);
        }

        return true;
    }

    private static async Task<bool> PollUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(PollInterval);
        }

        return true;
    }

    private async Task TerminateAsync(int pid)
    {
        if (!ProcessState.IsServerOf(pid, DataDirectory))
        {
            return;
        }

        Libc.Signal(pid, Libc.SigQuit);
        if (!await PollUntilAsync(() => !ProcessState.IsRunning(pid), QuitTimeout))
        {
            Libc.Signal(pid, Libc.SigKill);
            await PollUntilAsync(() => !ProcessState.IsRunning(pid), KillTimeout);
        }
    }

    /// <summary>A server launched a moment ago may not have written its pid file yet: give it a short grace.</summary>
    private int? WaitForPid()
    {
        if (!ServerLaunched)
        {
            return null;
        }

        PollUntil(() => PostmasterPidFile.TryRead(DataDirectory) is not null, PidFileGrace);
        return PostmasterPidFile.TryRead(DataDirectory)?.ProcessId;
    }

    private async Task<int?> WaitForPidAsync()
    {
        if (!ServerLaunched)
        {
            return null;
        }

        await PollUntilAsync(() => PostmasterPidFile.TryRead(DataDirectory) is not null, PidFileGrace);
        return PostmasterPidFile.TryRead(DataDirectory)?.ProcessId;
    }

    private void DeleteDirectory()
    {
        try
        {
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind only if the file system refuses; the owner record lets the next start sweep it.
        }
    }

    private void Finish()
    {
        LiveClusters.Remove(this);
        _stopped.TrySetResult();
    }
}
