namespace DatabaseExpert.Workspace.Internal;

/// <summary>Tells text from binary the way git and grep do: a NUL byte near the start means binary.</summary>
internal static class BinarySniffer
{
    public static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        // UTF-16 text is full of NUL bytes; its byte order mark says it is text.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return false;
        }

        return head.Contains((byte)0);
    }

    public static async Task<bool> IsBinaryFileAsync(string fullPath, int sniffBytes, CancellationToken cancellationToken)
    {
        await using var stream = OpenShared(fullPath);
        var buffer = new byte[sniffBytes];
        var read = await stream.ReadAtLeastAsync(buffer, sniffBytes, throwOnEndOfStream: false, cancellationToken);
        return LooksBinary(buffer.AsSpan(0, read));
    }

    /// <summary>Opens for reading without getting in the way of editors and build tools that hold the file.</summary>
    public static FileStream OpenShared(string fullPath) =>
        new(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
}
