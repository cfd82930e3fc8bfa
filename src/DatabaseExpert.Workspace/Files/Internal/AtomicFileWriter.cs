namespace DatabaseExpert.Workspace.Files.Internal;

/// <summary>
/// Replaces a file all at once: the content goes to a temporary file in the same directory, which is then renamed
/// over the target (rename(2) is atomic within a file system). Readers see the old file or the new one, never a
/// half-written one, and the temporary file never outlives a failure.
/// </summary>
internal static class AtomicFileWriter
{
    public static Task WriteAsync(string fullPath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        WriteAsync(fullPath, (stream, token) => stream.WriteAsync(content, token), cancellationToken);

    public static async Task WriteAsync(
        string fullPath, Func<Stream, CancellationToken, ValueTask> writeContent, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{fullPath}' has no directory.", nameof(fullPath));
        UnixFileMode? existingMode = !OperatingSystem.IsWindows() && File.Exists(fullPath) ? File.GetUnixFileMode(fullPath) : null;
        // Short and hidden: a long target name plus a suffix could exceed the 255-byte name limit.
        var temporary = Path.Combine(directory, $".dbx-{Guid.NewGuid():N}.tmp");
        var committed = false;
        try
        {
            await using (var stream = new FileStream(
                temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await writeContent(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            if (existingMode is { } mode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, mode);
            }

            File.Move(temporary, fullPath, overwrite: true);
            committed = true;
        }
        finally
        {
            if (!committed)
            {
                TryDelete(temporary);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: do not mask the original failure.
        }
    }
}
