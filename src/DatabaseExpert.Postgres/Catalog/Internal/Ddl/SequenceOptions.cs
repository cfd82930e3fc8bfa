using System.Globalization;

namespace DatabaseExpert.Postgres.Catalog.Internal.Ddl;

/// <summary>The option list shared by CREATE SEQUENCE and identity columns.</summary>
internal static class SequenceOptions
{
    public static string Format(long start, long increment, long min, long max, long cache, bool cycle) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"START WITH {start} INCREMENT BY {increment} MINVALUE {min} MAXVALUE {max} CACHE {cache} {(cycle ? "CYCLE" : "NO CYCLE")}");
}
