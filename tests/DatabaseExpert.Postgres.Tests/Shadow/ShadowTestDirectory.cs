using DatabaseExpert.Postgres.Shadow;
using DatabaseExpert.Postgres.Shadow.Internal;

namespace DatabaseExpert.Postgres.Tests.Shadow;

/// <summary>A private cache and clusters directory for one test, so that cold-cache and sweep tests see only their own files.</summary>
internal sealed class ShadowTestDirectory : IDisposable
{
    private static readonly Lazy<PostgresBinaries> LocatedBinaries = new(() => PostgresBinaries.Locate());

    public ShadowTestDirectory()
    {
        // Where real clusters go (fast), not CreateTempSubdirectory (mode 0700): as root the service user must get through.
        Root = Path.Combine(ShadowPaths.DefaultClustersBase(), $"dbx-test-{Guid.NewGuid():N}"[..21]);
        Directory.CreateDirectory(Root);
    }

    public static PostgresBinaries Binaries => LocatedBinaries.Value;

    public string Root { get; }

    public string Cache => Path.Combine(Root, "cache");

    public string Clusters => Path.Combine(Root, "clusters");

    public ShadowClusterOptions Options(bool privateCache = false) => new()
    {
        Binaries = Binaries,
        CacheDirectory = privateCache ? Cache : null,
        ClustersDirectory = Clusters,
    };

    public IReadOnlyList<string> ClusterDirectories() =>
        Directory.Exists(Clusters) ? Directory.GetDirectories(Clusters) : [];

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
