using DatabaseExpert.Postgres.Shadow;
using DatabaseExpert.Postgres.Shadow.Internal;

namespace DatabaseExpert.Postgres.Tests.Shadow;

public sealed class TemplateCacheTests
{
    [Fact]
    public async Task SecondStart_ReusesTheTemplateWithoutInitdb()
    {
        using var directory = new ShadowTestDirectory();

        string templateDirectory;
        string? firstId;
        await using (var first = await ShadowCluster.StartAsync(directory.Options(privateCache: true)))
        {
            Assert.True(first.Startup.TemplateCreated);
            templateDirectory = first.TemplateDirectory;
            firstId = TemplateMarker.TryRead(templateDirectory)?.Id;
        }

        await using var second = await ShadowCluster.StartAsync(directory.Options(privateCache: true));

        Assert.False(second.Startup.TemplateCreated);
        Assert.Equal(templateDirectory, second.TemplateDirectory);
        Assert.NotNull(firstId);
        Assert.Equal(firstId, TemplateMarker.TryRead(second.TemplateDirectory)?.Id);
    }

    [Fact]
    public async Task ConcurrentStarts_WithColdCache_BuildTheTemplateOnce()
    {
        using var directory = new ShadowTestDirectory();

        var clusters = await Task.WhenAll(
            Task.Run(() => ShadowCluster.StartAsync(directory.Options(privateCache: true))),
            Task.Run(() => ShadowCluster.StartAsync(directory.Options(privateCache: true))));
        await using var first = clusters[0];
        await using var second = clusters[1];

        Assert.Single(clusters, c => c.Startup.TemplateCreated);
        Assert.Equal(first.TemplateDirectory, second.TemplateDirectory);
        var published = Directory.GetDirectories(directory.Cache);
        Assert.Equal([first.TemplateDirectory], published);
        Assert.NotEqual(first.Port, second.Port);
    }

    [Fact]
    public async Task Template_IsKeyedByMajorVersion_AndRecordsHowItWasBuilt()
    {
        using var directory = new ShadowTestDirectory();
        await using var cluster = await ShadowCluster.StartAsync(directory.Options(privateCache: true));

        var marker = TemplateMarker.TryRead(cluster.TemplateDirectory);

        Assert.StartsWith($"{cluster.MajorVersion}-", Path.GetFileName(cluster.TemplateDirectory), StringComparison.Ordinal);
        Assert.NotNull(marker);
        Assert.Equal(cluster.Binaries.BinDirectory, marker.BinDirectory);
        Assert.Equal(cluster.Version, marker.Version);
        Assert.False(File.Exists(Path.Combine(cluster.TemplateDirectory, OwnerRecord.FileName)));
        Assert.False(File.Exists(Path.Combine(cluster.TemplateDirectory, "data", PostmasterPidFile.FileName)));
    }
}
