using System.CommandLine;
using DatabaseExpert.Agent.Composition;
using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Models.Resilience;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Review;
using DatabaseExpert.Migrations.Review.Steps;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DatabaseExpert.Cli.Commands;

/// <summary>The one place where <c>dbx review</c> gets its steps: the library's lint, trace and explain, and the agent's model for summaries.</summary>
internal static class ReviewStepBinding
{
    public static ReviewSteps Create(CliHost host, ParseResult parse)
    {
        var model = ModelResolution.Resolve(null, host.LoadAgent(parse.GetValue(GlobalOptions.Config)).Definition, host.GetVariable);
        return new ReviewSteps(new LintStep(), new TraceStep(host.Time))
        {
            Explain = new ExplainStep(),
            Summary = model.IsUsable ? new ModelSummary(host, model) : null,
        };
    }

    /// <summary>
    /// A few sentences from the expert above the findings: what matters most and in which order to fix it. It is
    /// written from the findings alone and never replaces them; a failed call only means no summary.
    /// </summary>
    private sealed class ModelSummary(CliHost host, ModelResolution model) : ISummaryStep
    {
        private const string Instructions =
            "You are a senior PostgreSQL engineer reviewing database migrations in a pull request. Below are the findings of "
            + "dbx's deterministic checks (static rules, a trace of locks and rewrites on a shadow database, schema drift). "
            + "Write a short summary for the pull request (at most 6 sentences, plain markdown, no headings): which findings "
            + "would hurt production and why, what to fix first, and which are acceptable. Mention only findings that are "
            + "listed; do not invent problems, rule ids or numbers.";

        public async Task<SummaryOutcome> SummarizeAsync(ReviewReport report, CancellationToken cancellationToken)
        {
            using var connection = ModelConnection.Create(
                model.Spec!, model.Credentials!, ModelResilienceOptions.FromEnvironment(host.GetVariable), host.Time);
            var history = new ChatHistory(Instructions);
            history.AddUserMessage(TextReporter.Render(report, new ReporterOptions { Color = false }));
            try
            {
                var answer = await connection.Chat.GetChatMessageContentAsync(history, cancellationToken: cancellationToken);
                return new SummaryOutcome(answer.Content?.Trim(), $"written by {connection.Spec}");
            }
            catch (Exception ex) when (ModelCallException.Find(ex) is { } failure)
            {
                return new SummaryOutcome(null, failure.Message);
            }
        }
    }
}
