namespace DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

internal static class RepositoryPaths
{
    public static string Root => DatabaseExpert.Testing.RepositoryPaths.Root;

    public static string ShopExample => Path.Combine(Root, "examples", "shop");
}
