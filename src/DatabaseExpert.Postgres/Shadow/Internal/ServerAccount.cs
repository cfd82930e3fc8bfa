namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>
/// The account PostgreSQL runs under. initdb and postgres refuse to run as root, so as root every server-side
/// command goes through <c>runuser -u &lt;service user&gt;</c> and the directories it writes are chowned to that user.
/// </summary>
internal sealed class ServerAccount
{
    private static readonly string[] RunUserLocations = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"];

    private ServerAccount(string? serviceUser, string? runUserPath, uint uid, uint gid)
    {
        ServiceUser = serviceUser;
        RunUserPath = runUserPath;
        Uid = uid;
        Gid = gid;
    }

    /// <summary>The user named when running as root; null when commands run as ourselves.</summary>
    public string? ServiceUser { get; }

    public bool SwitchesUser => ServiceUser is not null;

    private string? RunUserPath { get; }

    private uint Uid { get; }

    private uint Gid { get; }

    /// <summary>A short identity for cache keys: templates built for one owner are not reused for another.</summary>
    public string Identity => SwitchesUser ? $"runuser:{ServiceUser}:{Uid}" : $"uid:{Libc.EffectiveUserId}";

    /// <summary>Resolves the account; throws a clear error when running as root with no way out.</summary>
    public static ServerAccount Resolve(string serviceUser)
    {
        if (!Libc.IsRoot)
        {
            return new ServerAccount(null, null, 0, 0);
        }

        var problem = FindProblem(serviceUser, out var runUser, out var ids);
        if (problem is not null)
        {
            throw new ShadowClusterException(ShadowClusterErrorKind.NoUnprivilegedUser, problem);
        }

        return new ServerAccount(serviceUser, runUser, ids!.Value.Uid, ids.Value.Gid);
    }

    /// <summary>Null when PostgreSQL can be run from here; otherwise what stands in the way and how to fix it.</summary>
    public static string? FindProblem(string serviceUser, out string? runUserPath, out (uint Uid, uint Gid)? ids)
    {
        runUserPath = null;
        ids = null;
        if (!Libc.IsRoot)
        {
            return null;
        }

        runUserPath = RunUserLocations.FirstOrDefault(File.Exists);
        ids = Libc.FindUser(serviceUser);
        if (runUserPath is not null && ids is { Uid: not 0 })
        {
            return null;
        }

        var missing = runUserPath is null
            ? "the runuser command (util-linux) was not found in " + string.Join(", ", RunUserLocations)
            : ids is null
                ? $"the system user '{serviceUser}' does not exist"
                : $"the system user '{serviceUser}' has uid 0";
        return "dbx is running as root, and PostgreSQL refuses to run as root. dbx runs initdb and the server as the "
            + $"'{serviceUser}' system user through runuser, but {missing}. Fix one of: run dbx as a regular user; "
            + $"install util-linux and create the user (installing the postgresql package creates '{serviceUser}', or "
            + $"`useradd --system --create-home {serviceUser}`); or set ShadowClusterOptions.ServiceUser to another "
            + "unprivileged user.";
    }

    /// <summary>The program and arguments that run <paramref name="program"/> under this account.</summary>
    private (string FileName, IReadOnlyList<string> Arguments) Command(string program, params string[] arguments)
    {
        if (!SwitchesUser)
        {
            return (program, arguments);
        }

        return (RunUserPath!, ["-u", ServiceUser!, "--", program, .. arguments]);
    }

    public Task<CommandResult> RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var (fileName, args) = Command(program, arguments);
        return CommandRunner.RunAsync(fileName, args, cancellationToken);
    }

    /// <summary>Hands a directory we created to the service user so that PostgreSQL can write into it.</summary>
    public void GiveOwnership(string path)
    {
        if (SwitchesUser)
        {
            Libc.ChangeOwner(path, Uid, Gid);
        }
    }
}
