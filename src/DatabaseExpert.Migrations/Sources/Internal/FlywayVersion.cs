namespace DatabaseExpert.Migrations.Sources.Internal;

/// <summary>
/// A Flyway migration version (<c>1</c>, <c>1.1</c>, <c>1_2</c>, <c>2024.01.05.1</c>): parts split on dots or underscores
/// and compared as numbers, missing parts counting as 0 (so <c>1.1 &lt; 1.10</c> and <c>1 = 1.0</c>).
/// </summary>
internal sealed class FlywayVersion : IComparable<FlywayVersion>
{
    private readonly string[] _parts;

    private FlywayVersion(string[] parts)
    {
        _parts = parts;
    }

    public static FlywayVersion Parse(string text) =>
        new(text.Split(['.', '_'], StringSplitOptions.RemoveEmptyEntries));

    public int CompareTo(FlywayVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < Math.Max(_parts.Length, other._parts.Length); i++)
        {
            var result = NaturalOrder.CompareNumbers(Part(i), other.Part(i));
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }

    public override string ToString() => string.Join('.', _parts);

    private ReadOnlySpan<char> Part(int index) => index < _parts.Length ? _parts[index] : "0";
}
