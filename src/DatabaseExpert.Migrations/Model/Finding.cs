namespace DatabaseExpert.Migrations.Model;

/// <summary>Which analysis produced a finding.</summary>
public enum FindingOrigin
{
    /// <summary>A static rule on the SQL text (<c>dbx lint</c>).</summary>
    Lint,

    /// <summary>Measured on a shadow database (<c>dbx trace</c>).</summary>
    Trace,

    /// <summary>Schema drift between an ORM's schema and its migrations.</summary>
    Drift,

    /// <summary>A query plan insight (<c>dbx review</c> on changed queries).</summary>
    Explain,

    /// <summary>dbx could not analyse something (unknown syntax, a file that failed to apply).</summary>
    Analysis,
}

/// <summary>
/// One problem found in a migration or query, at a place in a file. The JSON shape is part of the CLI contract:
/// <c>{"rule","severity","file","line","column","message","help"}</c> plus the optional fields below.
/// </summary>
/// <param name="Rule">Stable kebab-case id; its page is docs/rules/&lt;id&gt;.md.</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="File">Path as the user should see it (relative to the project or the working directory).</param>
/// <param name="Line">1-based line of the statement (or of the token the finding is about).</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong here, in one sentence, naming the objects involved.</param>
/// <param name="Help">Why it matters and what to do instead, briefly.</param>
public sealed record Finding(string Rule, Severity Severity, string File, int Line, int Column, string Message, string Help)
{
    public FindingOrigin Origin { get; init; } = FindingOrigin.Lint;

    /// <summary>The offending statement, as written.</summary>
    public string? Sql { get; init; }

    /// <summary>A safe way to get the same result (SQL), when there is one.</summary>
    public string? SafeRewrite { get; init; }

    /// <summary>For trace findings: the lock mode measured, e.g. "AccessExclusiveLock on orders".</summary>
    public string? Evidence { get; init; }

    /// <summary>End of the offending statement (1-based line), for reporters that mark a region.</summary>
    public int? EndLine { get; init; }
}
