using System.Globalization;
using System.Text.Json;

namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>The parts of <c>EXPLAIN (FORMAT JSON)</c> output outside the node tree.</summary>
internal sealed record PlanDocument(
    JsonElement Raw,
    PlanNode Root,
    double? PlanningTimeMs,
    double? ExecutionTimeMs,
    IReadOnlyDictionary<string, string> Settings,
    JitSummary? Jit);

/// <summary>Reads PostgreSQL's JSON plan format (PostgreSQL 12 and later) into typed nodes with path ids.</summary>
internal static class PlanJsonReader
{
    public static PlanDocument Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ExplainException(
                $"the plan is not valid JSON ({ex.Message}); give the output of EXPLAIN (FORMAT JSON)", ExplainErrorKind.InvalidRequest, ex);
        }

        using (document)
        {
            var raw = document.RootElement.Clone();
            var top = raw.ValueKind == JsonValueKind.Array && raw.GetArrayLength() > 0 ? raw[0] : raw;
            if (top.ValueKind != JsonValueKind.Object || !top.TryGetProperty("Plan", out var plan) || plan.ValueKind != JsonValueKind.Object)
            {
                throw new ExplainException(
                    "the JSON has no \"Plan\" object; give the output of EXPLAIN (FORMAT JSON), an array holding one object with \"Plan\"",
                    ExplainErrorKind.InvalidRequest);
            }

            return new PlanDocument(
                raw,
                PlanTiming.Apply(ReadNode(plan, "1")),
                Number(top, "Planning Time"),
                Number(top, "Execution Time"),
                ReadSettings(top),
                ReadJit(top));
        }
    }

    private static PlanNode ReadNode(JsonElement e, string id)
    {
        var children = e.TryGetProperty("Plans", out var plans) && plans.ValueKind == JsonValueKind.Array
            ? plans.EnumerateArray().Select((child, i) => ReadNode(child, $"{id}.{i + 1}")).ToList()
            : [];
        return new PlanNode
        {
            Id = id,
            NodeType = Text(e, "Node Type") ?? "Unknown",
            ParentRelationship = Text(e, "Parent Relationship"),
            SubplanName = Text(e, "Subplan Name"),
            Operation = Text(e, "Operation"),
            RelationName = Text(e, "Relation Name"),
            Schema = Text(e, "Schema"),
            Alias = Text(e, "Alias"),
            IndexName = Text(e, "Index Name"),
            CteName = Text(e, "CTE Name"),
            FunctionName = Text(e, "Function Name"),
            JoinType = Text(e, "Join Type"),
            Strategy = Text(e, "Strategy"),
            ScanDirection = Text(e, "Scan Direction"),
            ParallelAware = e.TryGetProperty("Parallel Aware", out var parallel) && parallel.ValueKind == JsonValueKind.True,
            StartupCost = Number(e, "Startup Cost") ?? 0,
            TotalCost = Number(e, "Total Cost") ?? 0,
            PlanRows = Number(e, "Plan Rows") ?? 0,
            PlanWidth = (int)(Number(e, "Plan Width") ?? 0),
            ActualStartupTimeMs = Number(e, "Actual Startup Time"),
            ActualTotalTimeMs = Number(e, "Actual Total Time"),
            ActualRows = Number(e, "Actual Rows"),
            ActualLoops = Whole(e, "Actual Loops"),
            Filter = Text(e, "Filter"),
            JoinFilter = Text(e, "Join Filter"),
            IndexCond = Text(e, "Index Cond"),
            RecheckCond = Text(e, "Recheck Cond"),
            HashCond = Text(e, "Hash Cond"),
            MergeCond = Text(e, "Merge Cond"),
            RowsRemovedByFilter = Number(e, "Rows Removed by Filter"),
            RowsRemovedByJoinFilter = Number(e, "Rows Removed by Join Filter"),
            RowsRemovedByIndexRecheck = Number(e, "Rows Removed by Index Recheck"),
            SortKey = Texts(e, "Sort Key"),
            GroupKey = Texts(e, "Group Key"),
            Output = Texts(e, "Output"),
            SortMethod = Text(e, "Sort Method"),
            SortSpaceUsedKb = Whole(e, "Sort Space Used"),
            SortSpaceType = Text(e, "Sort Space Type"),
            HashBuckets = Whole(e, "Hash Buckets"),
            OriginalHashBuckets = Whole(e, "Original Hash Buckets"),
            HashBatches = Whole(e, "Hash Batches"),
            OriginalHashBatches = Whole(e, "Original Hash Batches"),
            PeakMemoryUsageKb = Whole(e, "Peak Memory Usage"),
            HashAggBatches = Whole(e, "HashAgg Batches"),
            DiskUsageKb = Whole(e, "Disk Usage"),
            HeapFetches = Number(e, "Heap Fetches"),
            WorkersPlanned = (int?)Whole(e, "Workers Planned"),
            WorkersLaunched = (int?)Whole(e, "Workers Launched"),
            Workers = ReadWorkers(e),
            Buffers = ReadBuffers(e),
            Children = children,
        };
    }

    private static List<PlanWorker> ReadWorkers(JsonElement e) =>
        e.TryGetProperty("Workers", out var workers) && workers.ValueKind == JsonValueKind.Array
            ? workers.EnumerateArray()
                .Where(w => w.ValueKind == JsonValueKind.Object)
                .Select(w => new PlanWorker(
                    (int)(Whole(w, "Worker Number") ?? 0),
                    Number(w, "Actual Rows"),
                    Number(w, "Actual Total Time"),
                    Text(w, "Sort Method"),
                    Whole(w, "Sort Space Used"),
                    Text(w, "Sort Space Type")))
                .ToList()
            : [];

    private static PlanBuffers? ReadBuffers(JsonElement e)
    {
        if (!e.TryGetProperty("Shared Hit Blocks", out _))
        {
            return null;
        }

        long Blocks(string name) => Whole(e, name) ?? 0;
        return new PlanBuffers(
            Blocks("Shared Hit Blocks"),
            Blocks("Shared Read Blocks"),
            Blocks("Shared Dirtied Blocks"),
            Blocks("Shared Written Blocks"),
            Blocks("Local Hit Blocks"),
            Blocks("Local Read Blocks"),
            Blocks("Local Dirtied Blocks"),
            Blocks("Local Written Blocks"),
            Blocks("Temp Read Blocks"),
            Blocks("Temp Written Blocks"));
    }

    private static Dictionary<string, string> ReadSettings(JsonElement top)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (top.TryGetProperty("Settings", out var element) && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                settings[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return settings;
    }

    private static JitSummary? ReadJit(JsonElement top)
    {
        if (!top.TryGetProperty("JIT", out var jit) || jit.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var options = jit.TryGetProperty("Options", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
        var timing = jit.TryGetProperty("Timing", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
        return new JitSummary(
            (int)(Whole(jit, "Functions") ?? 0),
            Flag(options, "Inlining"),
            Flag(options, "Optimization"),
            PhaseMs(timing, "Generation"),
            PhaseMs(timing, "Inlining"),
            PhaseMs(timing, "Optimization"),
            PhaseMs(timing, "Emission"),
            PhaseMs(timing, "Total"));
    }

    // PostgreSQL 17 reports some phases as an object with its own "Total" (Generation: {Deform, Total}).
    private static double? PhaseMs(JsonElement timing, string name) =>
        timing.ValueKind == JsonValueKind.Object && timing.TryGetProperty(name, out var phase) && phase.ValueKind == JsonValueKind.Object
            ? Number(phase, "Total")
            : Number(timing, name);

    private static bool Flag(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Texts(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    private static double? Number(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static long? Whole(JsonElement e, string name) => Number(e, name) is { } value ? (long)Math.Round(value) : null;
}
