namespace DatabaseExpert.Postgres.Catalog.Internal;

/// <summary>Orders objects so that each comes after the ones it depends on, otherwise keeping the given order.</summary>
internal static class DependencyOrder
{
    /// <param name="items">The objects, in their preferred order.</param>
    /// <param name="key">Identifies an object.</param>
    /// <param name="dependsOn">Keys of the objects it needs first; unknown keys are ignored (they exist elsewhere).</param>
    /// <remarks>A cycle cannot be ordered; its members keep their given order.</remarks>
    public static List<T> Sort<T>(IReadOnlyList<T> items, Func<T, string> key, Func<T, IEnumerable<string>> dependsOn)
    {
        var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            byKey.TryAdd(key(item), item);
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<T>(items.Count);
        foreach (var item in items)
        {
            Visit(item);
        }

        return ordered;

        void Visit(T item)
        {
            var k = key(item);
            if (done.Contains(k) || !visiting.Add(k))
            {
                return;
            }

            foreach (var dependency in dependsOn(item))
            {
                if (byKey.TryGetValue(dependency, out var needed))
                {
                    Visit(needed);
                }
            }

            visiting.Remove(k);
            if (done.Add(k))
            {
                ordered.Add(item);
            }
        }
    }
}
