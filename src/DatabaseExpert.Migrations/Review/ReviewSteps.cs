using DatabaseExpert.Migrations.Review.Steps;

namespace DatabaseExpert.Migrations.Review;

/// <summary>The steps a <see cref="ReviewRunner"/> runs. Lint and trace are required seams; drift defaults to the real check.</summary>
public sealed record ReviewSteps(ILintStep Lint, ITraceStep Trace)
{
    public IDriftStep Drift { get; init; } = new DrizzleDriftStep();

    /// <summary>Null: changed queries are listed but not explained (the report says so).</summary>
    public IExplainStep? Explain { get; init; }

    /// <summary>Null: <see cref="ReviewOptions.Summarize"/> is reported as skipped.</summary>
    public ISummaryStep? Summary { get; init; }
}
