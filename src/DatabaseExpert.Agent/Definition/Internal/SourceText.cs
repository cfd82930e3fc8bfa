namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>Reads a definition file, turning I/O failures into diagnostics.</summary>
internal static class SourceText
{
    public static string? TryRead(string path, DiagnosticBag diagnostics)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, path, SourcePosition.Unknown,
                $"cannot read the file: {exception.Message}", "check that it exists and that you may read it");
            return null;
        }
    }
}
