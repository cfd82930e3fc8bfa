using DatabaseExpert.Workspace.Files.Internal;

namespace DatabaseExpert.Workspace.Tests.Files.Internal;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task FailureMidWrite_LeavesTheTargetUnchangedAndNoTemporaryFile()
    {
        var target = _workspace.WriteFile("schema.ts", "original\n");

        await Assert.ThrowsAsync<IOException>(() => AtomicFileWriter.WriteAsync(
            target,
            async (stream, token) =>
            {
                await stream.WriteAsync("half of the new con"u8.ToArray(), token);
                await stream.FlushAsync(token);
                throw new IOException("No space left on device");
            },
            CancellationToken.None));

        Assert.Equal("original\n", _workspace.ReadFile("schema.ts"));
        Assert.Equal(["schema.ts"], _workspace.AllEntries());
    }

    [Fact]
    public async Task CancellationMidWrite_LeavesTheTargetUnchangedAndNoTemporaryFile()
    {
        var target = _workspace.WriteFile("schema.ts", "original\n");
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFileWriter.WriteAsync(
            target,
            async (stream, token) =>
            {
                await stream.WriteAsync("partial"u8.ToArray(), token);
                await cancellation.CancelAsync();
                token.ThrowIfCancellationRequested();
            },
            cancellation.Token));

        Assert.Equal("original\n", _workspace.ReadFile("schema.ts"));
        Assert.Equal(["schema.ts"], _workspace.AllEntries());
    }

    [Fact]
    public async Task NewFile_IsCreatedWithTheContent()
    {
        var target = _workspace.PathOf("new.txt");

        await AtomicFileWriter.WriteAsync(target, "content"u8.ToArray(), CancellationToken.None);

        Assert.Equal("content", _workspace.ReadFile("new.txt"));
        Assert.Equal(["new.txt"], _workspace.AllEntries());
    }
}
