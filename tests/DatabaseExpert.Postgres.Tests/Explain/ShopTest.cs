namespace DatabaseExpert.Postgres.Tests.Explain;

/// <summary>A test class with its own copy of the shop fixture (<see cref="Shop"/>), created before its first test.</summary>
public abstract class ShopTest(string prefix, string? connectionOptions = null) : IAsyncLifetime
{
    private ShopExplainer? _shop;

    protected ShopExplainer Shop => _shop ?? throw new InvalidOperationException("the shop copy is created in InitializeAsync");

    public async Task InitializeAsync() => _shop = await ShopExplainer.CreateAsync(prefix, connectionOptions);

    public async Task DisposeAsync()
    {
        if (_shop is not null)
        {
            await _shop.DisposeAsync();
        }
    }
}
