using DatabaseExpert.Migrations.Reporters;

namespace DatabaseExpert.Migrations.Review.Git;

/// <summary>
/// The git repository around a project: its root, the merge-base with a base ref, what changed since, and file contents
/// at a commit. <see cref="Root"/> is spelled like the folder it was opened from (symlinks kept), so paths compare.
/// </summary>
internal sealed class GitRepository
{
    private GitRepository(string root) => Root = root;

    public string Root { get; }

    /// <summary>
    /// The repository holding <paramref name="directory"/>, or null with the problem: not a repository, or git itself
    /// missing or broken (<see cref="ReviewException.IsEnvironment"/>).
    /// </summary>
    public static async Task<(GitRepository? Repository, ReviewException? Problem)> OpenAsync(string directory, CancellationToken cancellationToken)
    {
        GitOutput output;
        try
        {
            output = await GitProcess.RunAsync(directory, ["rev-parse", "--show-prefix"], cancellationToken);
        }
        catch (ReviewException ex) when (ex.IsEnvironment)
        {
            return (null, ex);
        }

        if (!output.Succeeded)
        {
            return (null, new ReviewException($"{directory} is not inside a git repository ({output.Problem})"));
        }

        // The prefix is the folder's path below the root: walking up that many segments gives the root in our spelling.
        var depth = output.Stdout.Trim().Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        for (var i = 0; i < depth; i++)
        {
            root = Path.GetDirectoryName(root)!;
        }

        return (new GitRepository(root), null);
    }

    /// <summary>The merge-base of <paramref name="baseRef"/> and HEAD.</summary>
    /// <exception cref="ReviewException">The ref is unknown, or the history does not reach a common commit (a shallow clone).</exception>
    public async Task<string> MergeBaseAsync(string baseRef, CancellationToken cancellationToken)
    {
        var resolved = await RunAsync(["rev-parse", "--verify", "--quiet", "--end-of-options", baseRef + "^{commit}"], cancellationToken);
        if (!resolved.Succeeded)
        {
            throw new ReviewException(
                $"--base {baseRef}: no such branch, tag or commit in {Root}. Fetch it first (`git fetch origin {LastSegment(baseRef)}`; " +
                "in GitHub Actions check out with `fetch-depth: 0`), or name an existing ref.");
        }

        var head = await RunAsync(["rev-parse", "--verify", "--quiet", "HEAD"], cancellationToken);
        if (!head.Succeeded)
        {
            throw new ReviewException($"{Root} has no commit yet (HEAD is unborn): commit something, or review without --base.");
        }

        var mergeBase = await RunAsync(["merge-base", resolved.Stdout.Trim(), "HEAD"], cancellationToken);
        if (!mergeBase.Succeeded)
        {
            var shallow = await RunAsync(["rev-parse", "--is-shallow-repository"], cancellationToken);
            var hint = shallow.Stdout.Trim() == "true"
                ? "this is a shallow clone: fetch the history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)"
                : "the two histories share no commit";
            throw new ReviewException($"--base {baseRef}: no merge-base with HEAD ({hint}).");
        }

        return mergeBase.Stdout.Trim();
    }

    /// <summary>
    /// Files changed since <paramref name="mergeBase"/>: in HEAD, or in the working tree (with untracked files) when
    /// <paramref name="includeUncommitted"/> is set. Renames are detected.
    /// </summary>
    public async Task<IReadOnlyList<GitChange>> ChangesAsync(string mergeBase, bool includeUncommitted, CancellationToken cancellationToken)
    {
        string[] range = includeUncommitted ? [mergeBase] : [mergeBase, "HEAD"];
        var diff = await RunCheckedAsync(["diff", "--name-status", "-z", "-M", "--no-ext-diff", .. range, "--"], cancellationToken);
        var changes = ParseNameStatus(diff);
        if (includeUncommitted)
        {
            var untracked = await RunCheckedAsync(["ls-files", "--others", "--exclude-standard", "-z"], cancellationToken);
            changes.AddRange(untracked.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(p => new GitChange(FileChange.Untracked, p)));
        }

        return changes;
    }

    /// <summary>Tracked files whose working-tree content differs from HEAD.</summary>
    public async Task<IReadOnlyList<string>> UncommittedAsync(CancellationToken cancellationToken)
    {
        var output = await RunCheckedAsync(["diff", "--name-only", "-z", "HEAD", "--"], cancellationToken);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The content of <paramref name="path"/> at <paramref name="commit"/>, or null when it did not exist there.</summary>
    public async Task<string?> ShowAsync(string commit, string path, CancellationToken cancellationToken)
    {
        var output = await RunAsync(["show", $"{commit}:{path}"], cancellationToken);
        return output.Succeeded ? output.Stdout : null;
    }

    /// <summary>Parses <c>git diff --name-status -z</c>: a status, then one path (two for renames and copies).</summary>
    internal static List<GitChange> ParseNameStatus(string output)
    {
        var fields = output.Split('\0');
        var changes = new List<GitChange>();
        for (var i = 0; i + 1 < fields.Length; i++)
        {
            var status = fields[i];
            if (status.Length == 0)
            {
                continue;
            }

            switch (status[0])
            {
                case 'R':
                    changes.Add(new GitChange(FileChange.Renamed, fields[i + 2], fields[i + 1]));
                    i += 2;
                    break;
                case 'C':
                    changes.Add(new GitChange(FileChange.Added, fields[i + 2]));
                    i += 2;
                    break;
                case 'A':
                    changes.Add(new GitChange(FileChange.Added, fields[++i]));
                    break;
                case 'D':
                    changes.Add(new GitChange(FileChange.Deleted, fields[++i]));
                    break;
                default:
                    // M, T (type change), U (unmerged): the file exists on both sides with other content.
                    changes.Add(new GitChange(FileChange.Modified, fields[++i]));
                    break;
            }
        }

        return changes;
    }

    private Task<GitOutput> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        GitProcess.RunAsync(Root, arguments, cancellationToken);

    private async Task<string> RunCheckedAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var output = await RunAsync(arguments, cancellationToken);
        return output.Succeeded
            ? output.Stdout
            : throw new ReviewException($"`git {string.Join(' ', arguments)}` failed in {Root}: {output.Problem}", isEnvironment: true);
    }

    private static string LastSegment(string reference) => reference.Contains('/', StringComparison.Ordinal) ? reference[(reference.IndexOf('/', StringComparison.Ordinal) + 1)..] : reference;
}
