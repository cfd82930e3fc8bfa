namespace DatabaseExpert.Migrations.Sources;

/// <summary>A project's migrations cannot be read. The message says what, where, and how to fix it.</summary>
public sealed class MigrationSourceException : Exception
{
    public MigrationSourceException()
    {
    }

    public MigrationSourceException(string message)
        : base(message)
    {
    }

    public MigrationSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MigrationSourceException(string message, string path, int line = 0, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        Line = line;
    }

    /// <summary>The file or folder at fault, when there is one.</summary>
    public string? Path { get; }

    /// <summary>1-based line in <see cref="Path"/>, or 0.</summary>
    public int Line { get; }
}
