using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Sources.Internal;

/// <summary>One migration tool's layout: how to recognise it and how to list its migrations in the order it applies them.</summary>
internal interface IMigrationReader
{
    MigrationFormat Format { get; }

    /// <summary>What the reader looks for, for the error that lists everything dbx tried.</summary>
    string LooksFor { get; }

    /// <summary>The detection for a folder, or null when the folder is not laid out for this tool.</summary>
    SourceDetection? DetectFolder(string directory);

    /// <summary>The detection for one migration file (found by its name or its neighbours), or null.</summary>
    SourceDetection? DetectFile(string file);

    MigrationSet Read(SourceDetection detection, SourceReadContext context);
}
