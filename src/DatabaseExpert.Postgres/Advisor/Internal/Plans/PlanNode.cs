using System.Text.Json;

namespace DatabaseExpert.Postgres.Advisor.Internal.Plans;

/// <summary>
/// The parts of one node of an EXPLAIN (FORMAT JSON) plan the advisor reads. Kept minimal on purpose: the full typed
/// plan tree belongs to the Explain capability.
/// </summary>
internal sealed record PlanNode(
    string NodeType,
    RelationRef? Relation,
    string? Alias,
    string? IndexName,
    double TotalCost,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> SortKeys,
    IReadOnlyList<string> GroupKeys,
    IReadOnlyList<string> Output,
    IReadOnlyList<PlanNode> Children)
{
    private static readonly string[] ConditionFields = ["Filter", "Index Cond", "Recheck Cond", "Join Filter", "Hash Cond", "Merge Cond"];

    /// <summary>Reads the text EXPLAIN (FORMAT JSON) returns: <c>[{"Plan": {…}, …}]</c>.</summary>
    public static PlanNode Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement[0] : document.RootElement;
        return FromJson(root.GetProperty("Plan"));
    }

    /// <summary>This node and every node below it (sub-plans and init-plans included), depth first.</summary>
    public IEnumerable<PlanNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var node in Children.SelectMany(c => c.SelfAndDescendants()))
        {
            yield return node;
        }
    }

    private static PlanNode FromJson(JsonElement node)
    {
        string? Text(string name) => node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        IReadOnlyList<string> List(string name) =>
            node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
                : [];

        var relationName = Text("Relation Name");
        var children = node.TryGetProperty("Plans", out var plans)
            ? plans.EnumerateArray().Select(FromJson).ToList()
            : [];
        return new PlanNode(
            Text("Node Type") ?? string.Empty,
            relationName is null ? null : new RelationRef(Text("Schema") ?? string.Empty, relationName),
            Text("Alias") ?? relationName,
            Text("Index Name"),
            node.TryGetProperty("Total Cost", out var cost) ? cost.GetDouble() : 0,
            ConditionFields.Select(Text).OfType<string>().ToList(),
            List("Sort Key"),
            List("Group Key"),
            List("Output"),
            children);
    }
}
