using DatabaseExpert.Postgres.Shadow.Internal;

namespace DatabaseExpert.Postgres.Shadow;

/// <summary>Starting: locate, sweep, template, copy, launch, wait until ready.</summary>
public sealed partial class ShadowCluster
{
    private const int PortAttempts = 3;

    /// <summary>Starts a new cluster. Sweeps directories left by dead processes, builds the template on first use.</summary>
    /// <exception cref="ShadowClusterException">Binaries missing, root without a service user, initdb or start failure.</exception>
    public static async Task<ShadowCluster> StartAsync(ShadowClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new ShadowClusterException(
                ShadowClusterErrorKind.UnsupportedPlatform,
                "Shadow clusters need Linux or macOS. On Windows run dbx inside WSL, or pass --db with a connection string.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        options ??= new ShadowClusterOptions();
        options.Validate();
        var time = options.TimeProvider;
        var started = time.GetTimestamp();

        var binaries = options.Binaries ?? PostgresBinaries.Locate();
        var account = ServerAccount.Resolve(options.ServiceUser);
        var clustersRoot = ShadowPaths.ClustersDirectory(options);
        ShadowPaths.EnsureClustersDirectory(clustersRoot, account);
        StaleClusterSweeper.Sweep(clustersRoot, time);

        var templateStarted = time.GetTimestamp();
        var template = new TemplateCache(ShadowPaths.CacheDirectory(options), clustersRoot, binaries, account, time);
        var templateCreated = await template.EnsureAsync(options.TemplateLockTimeout, cancellationToken);
        var templateElapsed = time.GetElapsedTime(templateStarted);

        var instance = CreateInstance(clustersRoot, account);
        try
        {
            var copyStarted = time.GetTimestamp();
            await CopyTemplateAsync(template.TemplateDataDirectory, instance.DataDirectory, cancellationToken);
            var copyElapsed = time.GetElapsedTime(copyStarted);

            var serverStarted = time.GetTimestamp();
            var port = await LaunchAsync(instance, template.TemplateDirectory, options, binaries, account, cancellationToken);
            var startup = new ShadowClusterStartup(
                templateCreated, templateElapsed, copyElapsed, time.GetElapsedTime(serverStarted), time.GetElapsedTime(started));
            return new ShadowCluster(instance, binaries, port, template.TemplateDirectory, startup);
        }
        catch
        {
            await instance.StopAndDeleteAsync();
            throw;
        }
    }

    private static ClusterInstance CreateInstance(string clustersRoot, ServerAccount account)
    {
        try
        {
            return ClusterInstance.Create(clustersRoot, "c", account);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ShadowClusterException(
                ShadowClusterErrorKind.FileSystem,
                $"Cannot create a cluster directory in '{clustersRoot}': {e.Message}. Set ShadowClusterOptions.ClustersDirectory "
                + "to a writable directory.",
                e);
        }
    }

    private static async Task CopyTemplateAsync(string templateData, string destination, CancellationToken cancellationToken)
    {
        // cp -a keeps modes and, as root, the service user's ownership of every file.
        var copy = await CommandRunner.RunAsync("cp", ["-a", templateData, destination], cancellationToken);
        if (!copy.Succeeded)
        {
            throw new ShadowClusterException(
                ShadowClusterErrorKind.FileSystem,
                $"Copying the template '{templateData}' to '{destination}' failed: {copy.Output}. Delete the template "
                + "directory to have it rebuilt.");
        }
    }

    /// <summary>Starts the server and waits until it accepts connections; retries on another port if one was taken.</summary>
    private static async Task<int> LaunchAsync(
        ClusterInstance instance,
        string templateDirectory,
        ShadowClusterOptions options,
        PostgresBinaries binaries,
        ServerAccount account,
        CancellationToken cancellationToken)
    {
        string? lastProblem = null;
        for (var attempt = 1; attempt <= PortAttempts; attempt++)
        {
            var port = FreePort.Next();
            ServerConfig.Append(instance.DataDirectory, ServerConfig.Build(options, binaries, instance.Directory, port));
            var logOffset = ServerLog.Length(instance.LogPath);
            instance.ServerLaunched = true;

            // No -w: pg_ctl's own wait polls coarsely; ReadinessWaiter polls every few milliseconds.
            var pgCtl = await account.RunAsync(
                binaries.PgCtlPath, ["start", "-W", "-s", "-D", instance.DataDirectory, "-l", instance.LogPath], cancellationToken);
            if (!pgCtl.Succeeded)
            {
                throw StartFailed(instance, templateDirectory, port, $"pg_ctl start failed: {pgCtl.Output}");
            }

            var outcome = await ReadinessWaiter.WaitAsync(
                instance,
                BuildConnectionString(port, "postgres", pooling: false),
                logOffset,
                options.StartTimeout,
                options.TimeProvider,
                cancellationToken);
            if (outcome.IsReady)
            {
                instance.ServerProcessId = outcome.ProcessId;
                return port;
            }

            if (!outcome.IsPortTaken)
            {
                throw StartFailed(instance, templateDirectory, port, outcome.Problem!);
            }

            lastProblem = outcome.Problem;
        }

        throw StartFailed(instance, templateDirectory, 0, $"{lastProblem} on {PortAttempts} attempts");
    }

    private static ShadowClusterException StartFailed(ClusterInstance instance, string templateDirectory, int port, string problem) =>
        new(
            ShadowClusterErrorKind.StartFailed,
            $"The shadow PostgreSQL server in '{instance.DataDirectory}' (port {port}) did not start: {problem}.\n"
            + ServerLog.Tail(instance.LogPath)
            + $"\nCheck ShadowClusterOptions.Settings; if the cached template '{templateDirectory}' is damaged, delete it to have it rebuilt.");
}
