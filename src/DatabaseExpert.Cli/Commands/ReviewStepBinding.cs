using System.CommandLine;
using DatabaseExpert.Agent.Composition;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Review;
using DatabaseExpert.Migrations.Review.Steps;

namespace DatabaseExpert.Cli.Commands;

/// <summary>
/// The one place where <c>dbx review</c> gets its steps. Lint, trace, explain and the model summary are placeholders that
/// report themselves as skipped until the real implementations are bound here; drift is the real Drizzle check.
/// </summary>
internal static class ReviewStepBinding
{
    public static ReviewSteps Create(CliHost host, ParseResult parse) => new(new PendingStep("lint"), new PendingStep("trace"))
    {
        Summary = ModelIsConfigured(host, parse) ? new PendingSummary() : null,
    };

    private static bool ModelIsConfigured(CliHost host, ParseResult parse)
    {
        var definition = host.LoadAgent(parse.GetValue(GlobalOptions.Config)).Definition;
        return ModelResolution.Resolve(null, definition, host.GetVariable).IsUsable;
    }

    private sealed class PendingStep(string name) : ILintStep, ITraceStep
    {
        public Task<StepOutcome> LintAsync(MigrationScope scope, ReviewOptions options, CancellationToken cancellationToken) => Skipped();

        public Task<StepOutcome> TraceAsync(MigrationScope scope, ReviewOptions options, CancellationToken cancellationToken) => Skipped();

        private Task<StepOutcome> Skipped() => Task.FromResult(StepOutcome.Skipped($"the {name} step is not part of this build yet"));
    }

    private sealed class PendingSummary : ISummaryStep
    {
        public Task<SummaryOutcome> SummarizeAsync(ReviewReport report, CancellationToken cancellationToken) =>
            Task.FromResult(new SummaryOutcome(null, "model summaries are not part of this build yet"));
    }
}
