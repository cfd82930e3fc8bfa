using System.Text;
using DatabaseExpert.Workspace.Internal;

namespace DatabaseExpert.Workspace.Files.Internal;

/// <summary>
/// A text file's content with what it takes to write it back byte-compatible: its encoding and byte order mark.
/// Bytes that are not valid UTF-8 are read as Latin-1, which round-trips every byte unchanged.
/// </summary>
internal sealed record TextFile(string Text, Encoding Encoding, byte[] Preamble)
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TextFile Empty { get; } = new("", StrictUtf8, []);

    public byte[] Encode(string text) => [.. Preamble, .. Encoding.GetBytes(text)];

    /// <exception cref="WorkspaceToolException">The file is binary.</exception>
    public static async Task<TextFile> LoadAsync(string fullPath, string path, int sniffBytes, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(fullPath, cancellationToken);
        if (BinarySniffer.LooksBinary(bytes.AsSpan(0, Math.Min(bytes.Length, sniffBytes))))
        {
            throw new WorkspaceToolException(
                WorkspaceErrorKind.Binary,
                path,
                $"'{path}' is a binary file ({Quantity.Bytes(bytes.Length)}); only text files can be edited.");
        }

        return Decode(bytes);
    }

    public static TextFile Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        var (encoding, preambleLength) = span switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            _ => ((Encoding)StrictUtf8, 0),
        };
        var preamble = bytes[..preambleLength];
        try
        {
            return new TextFile(encoding.GetString(bytes, preambleLength, bytes.Length - preambleLength), encoding, preamble);
        }
        catch (DecoderFallbackException)
        {
            return new TextFile(Encoding.Latin1.GetString(bytes, preambleLength, bytes.Length - preambleLength), Encoding.Latin1, preamble);
        }
    }
}
