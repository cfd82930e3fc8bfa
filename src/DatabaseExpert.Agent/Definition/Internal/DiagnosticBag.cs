namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>Collects diagnostics while loading, so one run reports every problem rather than the first.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>Grouped by file (in the order files were first reported), then by position, so output reads top to bottom.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var diagnostic in _items)
        {
            fileOrder.TryAdd(diagnostic.File, fileOrder.Count);
        }

        return [.. _items.OrderBy(d => fileOrder[d.File]).ThenBy(d => d.Line).ThenBy(d => d.Column)];
    }

    public bool HasErrors => _items.Exists(d => d.IsError);

    public int ErrorCount => _items.Count(d => d.IsError);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public void Report(DiagnosticSeverity severity, string code, string file, SourcePosition at, string message, string? help = null) =>
        _items.Add(new Diagnostic(severity, code, message, file, at.Line, at.Column, help));

    public void Error(string code, string file, SourcePosition at, string message, string? help = null) =>
        Report(DiagnosticSeverity.Error, code, file, at, message, help);

    public void Warning(string code, string file, SourcePosition at, string message, string? help = null) =>
        Report(DiagnosticSeverity.Warning, code, file, at, message, help);

    public void Info(string code, string file, SourcePosition at, string message, string? help = null) =>
        Report(DiagnosticSeverity.Info, code, file, at, message, help);
}
