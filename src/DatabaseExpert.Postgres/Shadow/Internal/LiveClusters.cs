using System.Runtime.InteropServices;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>
/// Every cluster directory this process owns, so that Ctrl-C, SIGTERM, SIGHUP, an unhandled exception or a normal
/// exit stops the servers and removes the directories. Process-wide by nature: signals and exit are process-wide.
/// </summary>
internal static class LiveClusters
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<ClusterInstance> Instances = [];
    private static readonly List<PosixSignalRegistration> SignalRegistrations = [];
    private static bool _hooksInstalled;

    public static void Add(ClusterInstance instance)
    {
        lock (Gate)
        {
            InstallHooks();
            Instances.Add(instance);
        }
    }

    public static void Remove(ClusterInstance instance)
    {
        lock (Gate)
        {
            Instances.Remove(instance);
        }
    }

    /// <summary>Stops every live cluster of this process, in parallel (exit handlers have little time).</summary>
    public static void StopAll()
    {
        ClusterInstance[] snapshot;
        lock (Gate)
        {
            snapshot = [.. Instances];
        }

        Parallel.ForEach(snapshot, instance => instance.StopAndDelete());
    }

    /// <summary>
    /// Handler for SIGINT/SIGTERM/SIGHUP. When a handler that ran before this one cancelled the signal (a REPL turning
    /// Ctrl-C into "cancel the request", a host starting a graceful shutdown), the process lives on and the clusters
    /// stay; a graceful shutdown still ends in ProcessExit, which stops them.
    /// </summary>
    internal static void OnTerminationSignal(PosixSignalContext context)
    {
        if (!context.Cancel)
        {
            StopAll();
        }
    }

    private static void InstallHooks()
    {
        if (_hooksInstalled)
        {
            return;
        }

        _hooksInstalled = true;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => StopAll();
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // The registrations must stay referenced: a collected registration unregisters itself.
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            SignalRegistrations.Add(PosixSignalRegistration.Create(signal, OnTerminationSignal));
        }
    }
}
