using System.Diagnostics;

namespace DatabaseExpert.Testing.Git;

/// <summary>
/// A throwaway git repository in a temp folder, driven with the real git: write files, commit, branch. Commits use a fixed
/// identity and ignore the user's and the system's git configuration, so tests behave the same everywhere.
/// </summary>
public sealed class TempGitRepository : IDisposable
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(60);

    private TempGitRepository(string root) => Root = root;

    public string Root { get; }

    /// <summary>A new repository on branch <paramref name="branch"/>, with no commit yet.</summary>
    public static TempGitRepository Init(string branch = "main")
    {
        var repository = new TempGitRepository(Directory.CreateTempSubdirectory("dbx-git-").FullName);
        repository.Git("init", "--quiet", "--initial-branch", branch);
        return repository;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public TempGitRepository Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TempGitRepository Delete(string relative)
    {
        File.Delete(PathOf(relative));
        return this;
    }

    /// <summary>Stages everything and commits; returns the new commit's hash.</summary>
    public string Commit(string message)
    {
        Git("add", "--all");
        Git("commit", "--quiet", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public TempGitRepository Branch(string name)
    {
        Git("checkout", "--quiet", "-b", name);
        return this;
    }

    public TempGitRepository Checkout(string name)
    {
        Git("checkout", "--quiet", name);
        return this;
    }

    /// <summary>Runs git in the repository and returns stdout; fails the test with git's output when git fails.</summary>
    public string Git(params string[] arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_AUTHOR_NAME"] = info.Environment["GIT_COMMITTER_NAME"] = "dbx tests";
        info.Environment["GIT_AUTHOR_EMAIL"] = info.Environment["GIT_COMMITTER_EMAIL"] = "tests@dbx.invalid";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("git could not be started: is it installed?");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(GitTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"git {string.Join(' ', arguments)} did not finish within {GitTimeout}.");
        }

        return process.ExitCode == 0
            ? stdout.Result
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {stderr.Result}{stdout.Result}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
        catch (UnauthorizedAccessException)
        {
            // git marks object files read-only on some systems; leaving them is harmless.
        }
    }
}
