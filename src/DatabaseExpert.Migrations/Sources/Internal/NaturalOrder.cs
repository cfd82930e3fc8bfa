namespace DatabaseExpert.Migrations.Sources.Internal;

/// <summary>
/// Orders names the way people number files: runs of digits compare as numbers (<c>2_x.sql</c> before <c>10_x.sql</c>),
/// the rest case-insensitively, then ordinally so that the order is total and stable.
/// </summary>
internal sealed class NaturalOrder : IComparer<string>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            int result;
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var xRun = DigitRun(x, ref i);
                var yRun = DigitRun(y, ref j);
                result = CompareNumbers(xRun, yRun);
            }
            else
            {
                result = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
                i++;
                j++;
            }

            if (result != 0)
            {
                return result;
            }
        }

        var byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    /// <summary>Compares two digit strings as (arbitrarily long) non-negative integers.</summary>
    public static int CompareNumbers(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        x = x.TrimStart('0');
        y = y.TrimStart('0');
        var byLength = x.Length.CompareTo(y.Length);
        return byLength != 0 ? byLength : x.SequenceCompareTo(y);
    }

    private static ReadOnlySpan<char> DigitRun(string text, ref int index)
    {
        var start = index;
        while (index < text.Length && char.IsAsciiDigit(text[index]))
        {
            index++;
        }

        return text.AsSpan(start, index - start);
    }
}
