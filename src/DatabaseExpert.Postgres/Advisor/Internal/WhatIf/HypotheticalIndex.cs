namespace DatabaseExpert.Postgres.Advisor.Internal.WhatIf;

/// <summary>An index hypopg made up: its oid (plans name it <c>&lt;oid&gt;btree_…</c>) and estimated size.</summary>
internal sealed record HypotheticalIndex(uint Oid, string Name, long SizeBytes)
{
    /// <summary>The oid inside a plan's index name, when it names a hypothetical index.</summary>
    public static uint? OidInPlanName(string? indexName)
    {
        if (indexName is null || !indexName.StartsWith('<'))
        {
            return null;
        }

        var end = indexName.IndexOf('>', StringComparison.Ordinal);
        return end > 1 && uint.TryParse(indexName.AsSpan(1, end - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var oid)
            ? oid
            : null;
    }
}
