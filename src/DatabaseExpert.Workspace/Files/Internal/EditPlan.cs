namespace DatabaseExpert.Workspace.Files.Internal;

/// <summary>The text after an edit and where the replacements landed (1-based lines of the new text).</summary>
internal sealed record EditPlan(string NewText, int Replacements, IReadOnlyList<int> Lines);
