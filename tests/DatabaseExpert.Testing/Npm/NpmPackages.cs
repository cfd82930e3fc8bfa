using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace DatabaseExpert.Testing.Npm;

/// <summary>
/// Installs npm packages with the machine's own npm into a folder under the temp directory named after the exact
/// versions, once: later test runs reuse it. A named mutex keeps two test processes from installing at the same time.
/// </summary>
public static class NpmPackages
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The folder whose node_modules holds <paramref name="packages"/> (name → exact version).</summary>
    public static string Install(IReadOnlyDictionary<string, string> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var key = string.Join("_", packages.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}-{p.Value}"));
        var folder = Path.Combine(Path.GetTempPath(), "dbx-npm", key.Replace('/', '+').Replace('@', '_'));
        var marker = Path.Combine(folder, ".installed");
        using var mutex = new Mutex(false, "dbx-npm-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16]);
        mutex.WaitOne();
        try
        {
            if (!File.Exists(marker))
            {
                Directory.CreateDirectory(folder);
                var dependencies = string.Join(",\n    ", packages.Select(p => $"\"{p.Key}\": \"{p.Value}\""));
                File.WriteAllText(Path.Combine(folder, "package.json"), $"{{\n  \"private\": true,\n  \"dependencies\": {{\n    {dependencies}\n  }}\n}}\n");
                RunNpm(folder, "install", "--no-audit", "--no-fund");
                File.WriteAllText(marker, key);
            }

            return folder;
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    }

    private static void RunNpm(string folder, params string[] arguments)
    {
        var info = new ProcessStartInfo("npm")
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("npm could not be started: is Node.js installed?");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(InstallTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"npm {string.Join(' ', arguments)} in {folder} did not finish within {InstallTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"npm {string.Join(' ', arguments)} in {folder} failed (exit {process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }
    }
}
