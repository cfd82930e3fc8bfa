using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Sequences near the end of their range, judged against the column each one feeds (identity, serial, or any
/// <c>DEFAULT nextval(…)</c>): an <c>integer</c> column fed by a <c>bigint</c> sequence fails at 2,147,483,647 although
/// the sequence itself is nearly unused. A sequence that feeds nothing is judged against its own range.
/// </summary>
internal sealed class SequenceExhaustionCheck : IHealthCheck
{
    public const string Id = "sequence-exhaustion";

    private static readonly string Sql = $"""
        with seq as (
            select c.oid, n.nspname || '.' || c.relname as object, format('%I.%I', n.nspname, c.relname) as qualified,
                   format_type(s.seqtypid, null) as data_type, s.seqmin, s.seqmax, s.seqincrement, s.seqcycle,
                   case when has_sequence_privilege(c.oid, 'SELECT,USAGE') then pg_sequence_last_value(c.oid) end as last_value
            from pg_sequence s
            join pg_class c on c.oid = s.seqrelid
            join pg_namespace n on n.oid = c.relnamespace
            where {CatalogSql.UserRelation("c", "n")}
        ),
        feeds as (
            -- identity columns ('i') and serial/OWNED BY ('a') depend on their sequence the other way round
            select d.objid as seq_oid, d.refobjid as table_oid, d.refobjsubid as attnum
            from pg_depend d
            where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i') and d.refobjsubid > 0
            union
            -- any column default that calls nextval() on it
            select d.refobjid, ad.adrelid, ad.adnum
            from pg_attrdef ad
            join pg_depend d on d.classid = 'pg_attrdef'::regclass and d.objid = ad.oid and d.refclassid = 'pg_class'::regclass
        )
        select seq.object, seq.qualified, seq.data_type, seq.seqmin as min_value, seq.seqmax as max_value,
               seq.seqincrement as increment, seq.seqcycle as cycles, seq.last_value,
               tn.nspname || '.' || t.relname || '.' || a.attname as column_object,
               case when a.attname is not null
                    then format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE bigint;', tn.nspname, t.relname, a.attname) end as widen_column,
               format_type(a.atttypid, a.atttypmod) as column_type,
               case a.atttypid when 'int2'::regtype then 32767::int8 when 'int4'::regtype then 2147483647::int8
                               when 'int8'::regtype then 9223372036854775807::int8 end as column_max,
               a.attidentity <> '' as is_identity,
               (select string_agg(format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE bigint;', fn.nspname, ft.relname, fa.attname), E'\n')
                from pg_constraint f
                cross join lateral unnest(f.confkey, f.conkey) as u(referenced, referencing)
                join pg_class ft on ft.oid = f.conrelid
                join pg_namespace fn on fn.oid = ft.relnamespace
                join pg_attribute fa on fa.attrelid = f.conrelid and fa.attnum = u.referencing
                where f.contype = 'f' and f.confrelid = t.oid and u.referenced = a.attnum
                  and fa.atttypid in ('int2'::regtype, 'int4'::regtype)) as widen_references
        from seq
        left join feeds on feeds.seq_oid = seq.oid
        left join pg_class t on t.oid = feeds.table_oid
        left join pg_namespace tn on tn.oid = t.relnamespace
        left join pg_attribute a on a.attrelid = feeds.table_oid and a.attnum = feeds.attnum and not a.attisdropped
        where seq.last_value is not null
        order by 1, 9
        """;

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Sequences and integer keys near their limit",
        "Sequences (and the int2/int4 columns they feed, even from a bigint sequence) that used up much of their range.");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(Sql, r => new Usage(
            r.Get<string>("object"),
            r.Get<string>("qualified"),
            r.Get<string>("data_type"),
            r.Get<long>("min_value"),
            r.Get<long>("max_value"),
            r.Get<long>("increment"),
            r.Get<bool>("cycles"),
            r.Get<long>("last_value"),
            r.Text("column_object"),
            r.Text("widen_column"),
            r.Text("column_type"),
            r.Maybe<long>("column_max"),
            r.Maybe<bool>("is_identity") ?? false,
            r.Text("widen_references")), cancellationToken);

        var thresholds = context.Thresholds;
        var findings = new List<HealthFinding>();
        var worst = 0.0;
        foreach (var usage in rows)
        {
            var percent = usage.PercentUsed;
            worst = Math.Max(worst, percent);
            var severity = percent >= thresholds.SequenceCriticalPercent ? FindingSeverity.Critical
                : percent >= thresholds.SequenceWarningPercent ? FindingSeverity.Warning
                : (FindingSeverity?)null;
            if (severity is { } level)
            {
                findings.Add(new HealthFinding(usage.Column ?? usage.Sequence, level, usage.Message(), usage.Fix(), usage.Details()));
            }
        }

        return new CheckOutcome(
            findings.Count == 0
                ? $"{rows.Select(r => r.Sequence).Distinct(StringComparer.Ordinal).Count()} used sequence(s), the fullest at {Format.Percent(worst)} of its limit"
                : $"{findings.Count} sequence(s) or key column(s) past {Format.Percent(thresholds.SequenceWarningPercent)} of their range",
            [.. findings.OrderByDescending(f => f.Severity).ThenByDescending(f => (double)f.Details["percentUsed"]!)]);
    }

    /// <summary>One sequence and, when it feeds one, the column it feeds.</summary>
    private sealed record Usage(
        string Sequence,
        string QualifiedSequence,
        string SequenceType,
        long Min,
        long Max,
        long Increment,
        bool Cycles,
        long LastValue,
        string? Column,
        string? WidenColumn,
        string? ColumnType,
        long? ColumnMax,
        bool IsIdentity,
        string? WidenReferences)
    {
        private bool ColumnIsNarrower => ColumnMax is { } max && max < Max;

        /// <summary>The value at which inserts start failing: the column's type maximum or the sequence's, whichever comes first.</summary>
        private long Limit => ColumnIsNarrower ? ColumnMax!.Value : Max;

        public double PercentUsed
        {
            get
            {
                if (Increment > 0)
                {
                    var low = Math.Max(Min, ColumnMax is { } c ? -c - 1 : Min);
                    return 100.0 * ((double)LastValue - low) / ((double)Limit - low);
                }

                // Descending sequences run towards their minimum.
                return 100.0 * ((double)Max - LastValue) / ((double)Max - Min);
            }
        }

        public string Message()
        {
            var limit = Increment > 0 ? $"maximum {Format.Count(Limit)}" : $"minimum {Format.Count(Min)}";
            var ending = Cycles
                ? "; the sequence CYCLEs, so it will then restart and hand out values that already exist"
                : ColumnIsNarrower ? $"; inserts fail with \"{ColumnType} out of range\" when it is reached"
                : "; nextval() fails when it is reached";
            var used = Format.Percent(PercentUsed);
            if (Column is null)
            {
                return $"{SequenceType} sequence at {Format.Count(LastValue)}: {used} of its {limit} used{ending}.";
            }

            return ColumnIsNarrower
                ? $"is {ColumnType} but its values come from {Sequence} ({SequenceType}), now at {Format.Count(LastValue)}: "
                  + $"{used} of {ColumnType}'s {limit} used{ending}."
                : $"({ColumnType}{(IsIdentity ? " identity" : string.Empty)}) draws from {Sequence} ({SequenceType}), now at "
                  + $"{Format.Count(LastValue)}: {used} of the sequence's {limit} used{ending}.";
        }

        public string Fix()
        {
            var lines = new List<string>();
            var columnNeedsWidening = ColumnMax is { } columnMax && columnMax < long.MaxValue;
            if (columnNeedsWidening && WidenColumn is not null)
            {
                lines.Add("-- rewrites the table and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a bigint column,");
                lines.Add("-- backfill it in batches and swap it in instead");
                lines.Add(WidenColumn);
                if (WidenReferences is not null)
                {
                    lines.Add("-- and the columns that reference it:");
                    lines.Add(WidenReferences);
                }
            }

            // An identity column takes its sequence along when its type changes; serial and plain sequences do not.
            var sequenceNeedsWidening = SequenceType != "bigint" && !(IsIdentity && columnNeedsWidening);
            if (sequenceNeedsWidening)
            {
                lines.Add($"ALTER SEQUENCE {QualifiedSequence} AS bigint NO MAXVALUE;");
            }

            if (lines.Count == 0)
            {
                lines.Add($"-- bigint is the widest sequence type: plan a new key for {Column ?? Sequence}, or ALTER SEQUENCE {QualifiedSequence} RESTART only once the old values are gone");
            }

            return string.Join('\n', lines);
        }

        public Dictionary<string, object?> Details() => new()
        {
            ["sequence"] = Sequence,
            ["sequenceType"] = SequenceType,
            ["lastValue"] = LastValue,
            ["limit"] = Increment > 0 ? Limit : Min,
            ["percentUsed"] = Format.Round(PercentUsed, 2),
            ["column"] = Column,
            ["columnType"] = ColumnType,
            ["cycles"] = Cycles,
        };
    }
}
