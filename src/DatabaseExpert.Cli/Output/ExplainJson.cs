using System.Text.Json.Nodes;
using DatabaseExpert.Postgres.Explain;

namespace DatabaseExpert.Cli.Output;

/// <summary>
/// The JSON of <c>dbx explain --format json</c> (docs/cli.md): the server's plan unchanged, the insights, the totals,
/// and the typed nodes with their derived figures.
/// </summary>
public static class ExplainJson
{
    public static JsonObject Create(ExplainResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new JsonObject
        {
            ["plan"] = JsonNode.Parse(result.Plan.GetRawText()),
            ["insights"] = new JsonArray(result.Insights.Select(Insight).ToArray<JsonNode?>()),
            ["totalCost"] = result.TotalCost,
            ["executionTimeMs"] = result.ExecutionTimeMs,
            ["planningTimeMs"] = result.PlanningTimeMs,
            ["analyzed"] = result.Analyzed,
            ["genericPlan"] = result.GenericPlan,
            ["changeReason"] = result.ChangeReason,
            ["settings"] = new JsonObject(result.Settings.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
            ["jit"] = result.Jit is { } jit
                ? new JsonObject { ["functions"] = jit.Functions, ["totalMs"] = jit.TotalMs, ["inlining"] = jit.Inlining, ["optimization"] = jit.Optimization }
                : null,
            ["nodes"] = new JsonArray(result.Nodes.Select(Node).ToArray<JsonNode?>()),
        };
    }

    private static JsonObject Insight(PlanInsight insight) => new()
    {
        ["kind"] = insight.Kind,
        ["severity"] = insight.Severity.ToString().ToLowerInvariant(),
        ["node"] = new JsonObject { ["id"] = insight.NodeId, ["type"] = insight.NodeType, ["relation"] = insight.Relation },
        ["message"] = insight.Message,
        ["fix"] = insight.Fix,
        ["columns"] = new JsonArray(insight.Columns.Select(c => (JsonNode?)c).ToArray()),
    };

    private static JsonObject Node(PlanNode node) => new()
    {
        ["id"] = node.Id,
        ["type"] = node.NodeType,
        ["label"] = node.Label,
        ["relation"] = node.QualifiedRelation,
        ["index"] = node.IndexName,
        ["planRows"] = node.PlanRows,
        ["actualRows"] = node.ActualRows,
        ["loops"] = node.ActualLoops,
        ["exclusiveTimeMs"] = node.ExclusiveTimeMs,
        ["timeShare"] = node.TimeShare,
        ["exclusiveCost"] = node.ExclusiveCost,
        ["costShare"] = node.CostShare,
    };
}
