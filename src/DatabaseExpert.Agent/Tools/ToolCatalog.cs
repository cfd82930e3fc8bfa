using System.Reflection;
using DatabaseExpert.Agent.Permissions;
using Microsoft.SemanticKernel;

namespace DatabaseExpert.Agent.Tools;

/// <summary>What the approval filter needs to know about a call before it runs.</summary>
public sealed record ToolPreview(string Summary, string? Detail = null, string? Command = null);

/// <summary>Implemented by plugins whose calls need a preview for approval (a diff, the command to run).</summary>
public interface IToolPreviewer
{
    ValueTask<ToolPreview?> PreviewAsync(string functionName, KernelArguments arguments, CancellationToken cancellationToken);
}

public sealed record ToolInfo(string PluginName, KernelFunction Function, ToolAccess Access, IToolPreviewer? Previewer)
{
    /// <summary>The name shown to users: the function name alone (plugins only group them).</summary>
    public string DisplayName => Function.Name;
}

/// <summary>
/// Every tool the agent can call, with its access class. Defined once here, then handed to the kernel (and later to
/// the MCP server and the CLI), so a tool's description and permissions never diverge between front ends.
/// </summary>
public sealed class ToolCatalog
{
    private readonly Dictionary<string, KernelPlugin> _plugins = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Plugin, string Function), ToolInfo> _tools = [];

    public IReadOnlyCollection<KernelPlugin> Plugins => _plugins.Values;

    public IEnumerable<ToolInfo> Tools => _tools.Values;

    /// <summary>Adds the <c>[KernelFunction]</c> methods of <paramref name="instance"/>; each declares its <see cref="ToolAccessAttribute"/>.</summary>
    public void AddPlugin(string pluginName, object instance, Func<string, bool>? include = null)
    {
        var plugin = KernelPluginFactory.CreateFromObject(instance, pluginName);
        if (include is not null)
        {
            plugin = KernelPluginFactory.CreateFromFunctions(pluginName, plugin.Description, plugin.Where(f => include(f.Name)));
        }

        var accessByName = instance.GetType()
            .GetMethods(BindingFlags.Instance | BindingFlags.Public)
            .Select(m => (Method: m, Function: m.GetCustomAttribute<KernelFunctionAttribute>()))
            .Where(x => x.Function is not null)
            .ToDictionary(
                x => string.IsNullOrEmpty(x.Function!.Name) ? StripAsync(x.Method.Name) : x.Function.Name!,
                x => x.Method.GetCustomAttribute<ToolAccessAttribute>()?.Access ?? ToolAccess.Execute,
                StringComparer.Ordinal);
        Add(plugin, name => accessByName.GetValueOrDefault(name, ToolAccess.Execute), instance as IToolPreviewer);
    }

    /// <summary>Adds ready-made functions (MCP client tools, for example) that all share one access class.</summary>
    public void AddFunctions(string pluginName, IEnumerable<KernelFunction> functions, ToolAccess access, string? description = null) =>
        Add(KernelPluginFactory.CreateFromFunctions(pluginName, description, functions), _ => access, previewer: null);

    public ToolInfo? Find(KernelFunction function) =>
        _tools.GetValueOrDefault((function.PluginName ?? string.Empty, function.Name));

    public ToolInfo? Find(string pluginName, string functionName) => _tools.GetValueOrDefault((pluginName, functionName));

    /// <summary>Finds a tool by its bare function name, the way users and personas name tools.</summary>
    public ToolInfo? FindByName(string functionName) =>
        _tools.Values.FirstOrDefault(t => t.Function.Name.Equals(functionName, StringComparison.OrdinalIgnoreCase));

    private void Add(KernelPlugin plugin, Func<string, ToolAccess> access, IToolPreviewer? previewer)
    {
        if (!_plugins.TryAdd(plugin.Name, plugin))
        {
            throw new InvalidOperationException($"a plugin named '{plugin.Name}' is already registered");
        }

        foreach (var function in plugin)
        {
            _tools[(plugin.Name, function.Name)] = new ToolInfo(plugin.Name, function, access(function.Name), previewer);
        }
    }

    private static string StripAsync(string name) =>
        name.EndsWith("Async", StringComparison.Ordinal) ? name[..^5] : name;
}
