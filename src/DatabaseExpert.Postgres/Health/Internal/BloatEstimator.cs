namespace DatabaseExpert.Postgres.Health.Internal;

/// <summary>
/// The expected size of a heap or b-tree from its row count and its columns' statistics (pg_stats avg_width and
/// null_frac), in the spirit of the well-known statistics-based bloat queries but walking the columns in order with
/// their alignment, which those queries skip. Bloat is what the relation has beyond that. It is an estimate: b-tree
/// deduplication (PostgreSQL 13+) makes indexes with repeated keys smaller than estimated (reported as no bloat), and
/// TOASTed values are not counted.
/// </summary>
internal static class BloatEstimator
{
    private const int MaxAlign = 8;
    private const int PageHeader = 24;
    private const int ItemPointer = 4;
    private const int HeapTupleHeader = 23;
    private const int IndexTupleHeader = 8;
    private const int IndexNullBitmap = 4;
    private const int BtreeSpecialSpace = 16;
    private const double BtreeInternalFill = 0.70;
    private const int ShortVarlenaLimit = 127;

    /// <summary>One column as stored: typlen (-1 varlena, -2 cstring), typalign, and statistics when the column was analyzed.</summary>
    public sealed record Column(int Length, char Align, int? Width, double NullFraction);

    /// <summary>Pages a freshly written heap with <paramref name="rows"/> rows would need; null when a column has no statistics.</summary>
    public static long? HeapPages(double rows, IReadOnlyList<Column> columns, int fillFactor, int blockSize)
    {
        var hasNulls = columns.Any(c => c.NullFraction > 0);
        var header = AlignUp(HeapTupleHeader + (hasNulls ? (columns.Count + 7) / 8 : 0), MaxAlign);
        if (TupleSize(columns, header, hasNulls) is not { } tuple)
        {
            return null;
        }

        var usable = blockSize - PageHeader;
        var maxPerPage = Math.Floor((double)usable / (AlignUp(HeapTupleHeader, MaxAlign) + ItemPointer));
        var perPage = Math.Clamp(Math.Floor(usable * fillFactor / 100.0 / (tuple + ItemPointer)), 1, maxPerPage);
        return (long)Math.Ceiling(rows / perPage);
    }

    /// <summary>Pages a freshly built b-tree with <paramref name="rows"/> entries would need (leaves at the fill factor, internal pages, the meta page).</summary>
    public static long? BtreePages(double rows, IReadOnlyList<Column> columns, int fillFactor, int blockSize)
    {
        var hasNulls = columns.Any(c => c.NullFraction > 0);
        var header = AlignUp(IndexTupleHeader + (hasNulls ? IndexNullBitmap : 0), MaxAlign);
        if (TupleSize(columns, header, hasNulls) is not { } tuple)
        {
            return null;
        }

        var usable = blockSize - PageHeader - BtreeSpecialSpace;
        var perLeaf = Math.Max(1, Math.Floor(usable * fillFactor / 100.0 / (tuple + ItemPointer)));
        var leaves = Math.Ceiling(rows / perLeaf);
        var perInternal = Math.Max(2, Math.Floor(usable * BtreeInternalFill / (tuple + ItemPointer)));
        var internalPages = leaves > 1 ? Math.Ceiling(leaves / perInternal) : 0;
        return (long)(leaves + internalPages) + 1;
    }

    /// <summary>Average stored tuple size: header, then each column at its alignment, weighted by how often it is not null.</summary>
    private static double? TupleSize(IReadOnlyList<Column> columns, int header, bool hasNulls)
    {
        double offset = header;
        var fixedWidth = !hasNulls;
        foreach (var column in columns)
        {
            var width = column.Width ?? (column.Length > 0 ? column.Length : (int?)null);
            if (width is not { } bytes)
            {
                return null;
            }

            fixedWidth &= column.Length > 0;
            // Short varlenas (1-byte header) and cstrings are stored unaligned.
            var align = column.Length == -2 || (column.Length == -1 && bytes < ShortVarlenaLimit) ? 1 : AlignOf(column.Align);
            var start = AlignUp(offset, align);
            offset += (1 - column.NullFraction) * (start - offset + bytes);
        }

        // Every tuple ends MAXALIGNed: exact for fixed-width rows, about half the alignment on average otherwise.
        return fixedWidth ? AlignUp(offset, MaxAlign) : offset + (MaxAlign - 1) / 2.0;
    }

    private static int AlignOf(char align) => align switch
    {
        'd' => 8,
        'i' => 4,
        's' => 2,
        _ => 1,
    };

    private static int AlignUp(int value, int align) => (value + align - 1) / align * align;

    private static double AlignUp(double value, int align) => Math.Ceiling(Math.Ceiling(value) / align) * align;
}
