using System.Globalization;
using DatabaseExpert.Postgres.Explain;
using Spectre.Console;

namespace DatabaseExpert.Cli.Output;

/// <summary>
/// <c>dbx explain</c> as text: a summary line, the plan as a box-drawn tree with each node's exclusive time (or cost)
/// share as a bar and its rows estimated → actual with a rows bar (log scale), the node's conditions beneath it, then
/// the insights with their fixes.
/// </summary>
public static class ExplainTextRenderer
{
    private const int BarWidth = 10;
    private const int RowsBarWidth = 6;
    private static readonly string[] Eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

    public static void Render(IAnsiConsole console, ExplainResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        console.MarkupLine($"[bold]{Markup.Escape(result.Summary)}[/]");
        console.WriteLine();
        var maxRows = result.Nodes.Max(n => n.Analyzed ? n.ActualRows ?? 0 : n.PlanRows);
        var flagged = result.Insights.GroupBy(i => i.NodeId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        console.MarkupLine(result.Analyzed
            ? $"[grey]{"excl.time",9} {"share",5} {string.Empty,-BarWidth}  {"rows est",9} → {"actual",-9} {string.Empty,-RowsBarWidth} {"loops",7}  node[/]"
            : $"[grey]{"excl.cost",9} {"share",5} {string.Empty,-BarWidth}  {"rows est",9}   {string.Empty,-RowsBarWidth}  node[/]");
        RenderNode(console, result, result.Root, string.Empty, string.Empty, maxRows, flagged);
        console.WriteLine();
        RenderInsights(console, result.Insights);
    }

    private static void RenderNode(
        IAnsiConsole console, ExplainResult result, PlanNode node, string connector, string continuation, double maxRows,
        Dictionary<string, List<PlanInsight>> flagged)
    {
        var label = (node.SubplanName is { } subplan ? $"[{subplan}] " : string.Empty) + node.Label;
        var marks = flagged.TryGetValue(node.Id, out var insights)
            ? " " + string.Join(' ', insights.Select(i => $"[{Color(i.Severity)}]◀ {Markup.Escape(i.Kind)}[/]"))
            : string.Empty;
        console.MarkupLine($"{Figures(result, node, maxRows)}  [grey]{Markup.Escape(connector)}[/]{Markup.Escape(label)}{marks}");

        var childContinuation = continuation + (node.Children.Count > 0 ? "│  " : "   ");
        var blank = new string(' ', result.Analyzed ? 9 + 1 + 5 + 1 + BarWidth + 2 + 9 + 3 + 9 + 1 + RowsBarWidth + 1 + 7 : 9 + 1 + 5 + 1 + BarWidth + 2 + 9 + 3 + RowsBarWidth);
        foreach (var detail in PlanNodeDetails.Describe(node))
        {
            console.MarkupLine($"{blank}  [grey]{Markup.Escape(childContinuation)}{Markup.Escape(detail)}[/]");
        }

        for (var i = 0; i < node.Children.Count; i++)
        {
            var last = i == node.Children.Count - 1;
            RenderNode(console, result, node.Children[i], continuation + (last ? "└─ " : "├─ "), continuation + (last ? "   " : "│  "), maxRows, flagged);
        }
    }

    private static string Figures(ExplainResult result, PlanNode node, double maxRows)
    {
        if (!result.Analyzed)
        {
            return $"{PlanFigures.Cost(node.ExclusiveCost),9} {PlanFigures.Percent(node.CostShare),5} {Bar(node.CostShare)}  "
                + $"{PlanFigures.Rows(node.PlanRows),9}   {RowsBar(node.PlanRows, maxRows)}";
        }

        if (node.NeverExecuted)
        {
            return $"[grey]{"never executed",-(9 + 1 + 5 + 1 + BarWidth)}[/]  {PlanFigures.Rows(node.PlanRows),9} → {"-",-9} {new string(' ', RowsBarWidth)} {0,7}";
        }

        var share = node.TimeShare ?? 0;
        var actual = node.ActualRows ?? 0;
        var misestimated = Math.Max(node.PlanRows, actual) / Math.Max(1, Math.Min(node.PlanRows, actual)) >= 10;
        var actualText = PlanFigures.Rows(actual).PadRight(9);
        return $"{PlanFigures.Ms(node.ExclusiveTimeMs ?? 0),9} {PlanFigures.Percent(share),5} {Bar(share)}  "
            + $"{PlanFigures.Rows(node.PlanRows),9} → {(misestimated ? $"[yellow]{actualText}[/]" : actualText)} {RowsBar(actual, maxRows)} "
            + $"{(node.ActualLoops ?? 0).ToString("N0", CultureInfo.InvariantCulture),7}";
    }

    /// <summary>A bar of <see cref="BarWidth"/> cells in eighths, coloured like pev2's 10% / 40% / 90% time thresholds.</summary>
    private static string Bar(double share)
    {
        var eighths = (int)Math.Round(Math.Clamp(share, 0, 1) * BarWidth * 8);
        var text = (new string('█', eighths / 8) + Eighths[eighths % 8]).PadRight(BarWidth);
        var color = share >= 0.9 ? "red bold" : share >= 0.4 ? "red" : share >= 0.1 ? "yellow" : "grey";
        return $"[{color}]{text}[/]";
    }

    /// <summary>Rows on a log scale: one row to the plan's largest row count.</summary>
    private static string RowsBar(double rows, double maxRows)
    {
        var fraction = maxRows < 1 ? 0 : Math.Log10(rows + 1) / Math.Log10(maxRows + 1);
        var eighths = (int)Math.Round(Math.Clamp(fraction, 0, 1) * RowsBarWidth * 8);
        return $"[blue]{(new string('█', eighths / 8) + Eighths[eighths % 8]).PadRight(RowsBarWidth)}[/]";
    }

    private static void RenderInsights(IAnsiConsole console, IReadOnlyList<PlanInsight> insights)
    {
        if (insights.Count == 0)
        {
            console.MarkupLine("[green]No insights[/]: no threshold of docs/explain-insights.md was crossed.");
            return;
        }

        console.MarkupLine($"[bold]Insights ({insights.Count})[/]");
        foreach (var insight in insights)
        {
            console.MarkupLine(
                $"  [{Color(insight.Severity)}]{insight.Severity.ToString().ToLowerInvariant(),-8}[/] [bold]{Markup.Escape(insight.Kind)}[/] "
                + $"[grey]at {Markup.Escape(insight.NodeLabel)}[/]");
            console.MarkupLine($"           {Markup.Escape(insight.Message)}");
            console.MarkupLine($"           [green]fix:[/] {Markup.Escape(insight.Fix)}");
        }
    }

    private static string Color(InsightSeverity severity) => severity switch
    {
        InsightSeverity.Critical => "red",
        InsightSeverity.Warning => "yellow",
        _ => "blue",
    };
}
