namespace DatabaseExpert.Agent.Permissions;

/// <summary>What a tool can change; the permission policy decides per class, never per tool name.</summary>
public enum ToolAccess
{
    /// <summary>Reads files, catalogs or docs; changes nothing.</summary>
    ReadOnly,

    /// <summary>Creates or changes files in the workspace.</summary>
    Edit,

    /// <summary>Runs a program (a shell command); can do anything the user can.</summary>
    Execute,

    /// <summary>Changes data or schema in a database.</summary>
    DatabaseWrite,
}

/// <summary>Marks a tool method with its access class. A tool without it is treated as <see cref="ToolAccess.Execute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ToolAccessAttribute(ToolAccess access) : Attribute
{
    public ToolAccess Access { get; } = access;
}
