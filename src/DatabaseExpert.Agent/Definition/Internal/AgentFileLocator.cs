namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>Finds the agent definition when none is given: agent.yaml in the working directory, then in each parent up to the git root.</summary>
internal static class AgentFileLocator
{
    public static string? Find(string workingDirectory, DiagnosticBag diagnostics, string? bundled = null)
    {
        var searched = new List<string>();
        var gitRoot = FindGitRoot(workingDirectory);
        for (var directory = workingDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            searched.Add(directory);
            var candidate = Path.Combine(directory, AgentDefinitionLoader.DefaultFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            // Outside a repository only the working directory is searched, so an unrelated file higher up is never picked.
            if (gitRoot is null || string.Equals(directory, gitRoot, StringComparison.Ordinal))
            {
                break;
            }
        }

        if (bundled is not null && File.Exists(bundled))
        {
            diagnostics.Info(DiagnosticCodes.BuiltInAgent, bundled, SourcePosition.Unknown,
                $"no {AgentDefinitionLoader.DefaultFileName} in {string.Join(", ", searched)}; using the agent that ships with dbx",
                $"to customise it, copy it into your project: cp -r {Path.GetDirectoryName(bundled)}/. .");
            return bundled;
        }

        diagnostics.Error(DiagnosticCodes.AgentNotFound, Path.Combine(workingDirectory, AgentDefinitionLoader.DefaultFileName),
            SourcePosition.Unknown,
            $"no {AgentDefinitionLoader.DefaultFileName} found; looked in {string.Join(", ", searched)}"
            + (gitRoot is null ? " (not inside a git repository, so parent folders were not searched)" : string.Empty),
            $"create {AgentDefinitionLoader.DefaultFileName} (at least `persona: prompts/<agent>.md`), or name the definition explicitly: "
            + "`dbx agent validate --agent path/to/agent.yaml` (a Claude Code sub-agent .md file works too)");
        return null;
    }

    private static string? FindGitRoot(string start)
    {
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            // .git is a folder in a clone and a file in a worktree or submodule.
            var git = Path.Combine(directory, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return directory;
            }
        }

        return null;
    }
}
