using System.Runtime.InteropServices;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>The few POSIX calls .NET has no managed API for (effective uid, user lookup, chown, signals).</summary>
internal static class Libc
{
    public const int SigQuit = 3;
    public const int SigKill = 9;

    private const int Eperm = 1;

    [DllImport("libc", EntryPoint = "geteuid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint GetEffectiveUserIdNative();

    [DllImport("libc", EntryPoint = "getpwnam", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr GetPasswordEntryNative([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ChangeOwnerNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int KillNative(int pid, int signal);

    public static bool IsRoot => !OperatingSystem.IsWindows() && GetEffectiveUserIdNative() == 0;

    public static uint EffectiveUserId => OperatingSystem.IsWindows() ? 0 : GetEffectiveUserIdNative();

    /// <summary>Looks a system user up (NSS included); null when it does not exist.</summary>
    public static (uint Uid, uint Gid)? FindUser(string name)
    {
        var entry = GetPasswordEntryNative(name);
        if (entry == IntPtr.Zero)
        {
            return null;
        }

        // struct passwd starts with two pointers (pw_name, pw_passwd) then uid_t and gid_t on Linux and macOS alike.
        var offset = IntPtr.Size * 2;
        return ((uint)Marshal.ReadInt32(entry, offset), (uint)Marshal.ReadInt32(entry, offset + 4));
    }

    public static void ChangeOwner(string path, uint uid, uint gid)
    {
        if (ChangeOwnerNative(path, uid, gid) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"chown {uid}:{gid} '{path}' failed (errno {errno}).");
        }
    }

    /// <summary>Sends a signal; false when the process does not exist.</summary>
    public static bool Signal(int pid, int signal) => KillNative(pid, signal) == 0;

    /// <summary>True when a process with this pid exists (zombies included; see <see cref="ProcessState"/>).</summary>
    public static bool ProcessExists(int pid) =>
        pid > 0 && (KillNative(pid, 0) == 0 || Marshal.GetLastPInvokeError() == Eperm);
}
