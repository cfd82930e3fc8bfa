using System.Globalization;
using System.Runtime.InteropServices;

namespace DatabaseExpert.Workspace.Shell.Internal;

/// <summary>
/// Signals a whole process group, so background grandchildren ('sleep 300 &amp;') die with the command.
/// Process.Kill(entireProcessTree) walks parent links and misses children re-parented to init once their parent exited.
/// </summary>
internal static partial class ProcessGroup
{
    private const int SigKill = 9;

    public static void Kill(int processGroupId) => _ = SendSignal(-processGroupId, SigKill);

    /// <summary>A member of the group is still running (zombies waiting to be reaped do not count).</summary>
    public static bool HasLiveMembers(int processGroupId)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm may contain spaces and parentheses.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 2 && fields[0] is not ("Z" or "X")
                    && int.Parse(fields[2], CultureInfo.InvariantCulture) == processGroupId)
                {
                    return true;
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return false;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
