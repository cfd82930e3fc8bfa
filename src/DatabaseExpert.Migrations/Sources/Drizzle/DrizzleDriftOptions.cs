namespace DatabaseExpert.Migrations.Sources.Drizzle;

/// <summary>How <see cref="DrizzleDrift"/> runs the project's drizzle-kit.</summary>
public sealed record DrizzleDriftOptions
{
    public static DrizzleDriftOptions Default { get; } = new();

    /// <summary>Longest a drizzle-kit run may take; past it the run is killed (a hang usually means an unanswered prompt).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The node executable; null: <c>node</c> on PATH.</summary>
    public string? NodePath { get; init; }

    /// <summary>Folder that finding paths are relative to; null: the project root.</summary>
    public string? DisplayRoot { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
