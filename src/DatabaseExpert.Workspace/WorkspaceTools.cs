using DatabaseExpert.Workspace.Files;
using DatabaseExpert.Workspace.Jail;
using DatabaseExpert.Workspace.Search;
using DatabaseExpert.Workspace.Shell;

namespace DatabaseExpert.Workspace;

/// <summary>The six workspace tools over one jail and one set of options.</summary>
public sealed class WorkspaceTools
{
    public WorkspaceTools(string rootDirectory, WorkspaceToolOptions? options = null, TimeProvider? timeProvider = null)
    {
        var settings = options ?? WorkspaceToolOptions.Default;
        settings.Validate();
        Jail = new WorkspaceJail(rootDirectory);
        Read = new ReadTool(Jail, settings);
        Write = new WriteTool(Jail, settings);
        Edit = new EditTool(Jail, settings);
        Glob = new GlobTool(Jail, settings);
        Grep = new GrepTool(Jail, settings);
        Bash = new BashTool(Jail, settings, timeProvider ?? TimeProvider.System);
    }

    public WorkspaceJail Jail { get; }

    public ReadTool Read { get; }

    public WriteTool Write { get; }

    public EditTool Edit { get; }

    public GlobTool Glob { get; }

    public GrepTool Grep { get; }

    public BashTool Bash { get; }
}
