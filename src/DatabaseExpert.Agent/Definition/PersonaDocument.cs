namespace DatabaseExpert.Agent.Definition;

/// <summary>A persona file: its frontmatter and the markdown body that becomes the system prompt.</summary>
/// <param name="Path">Absolute path of the file.</param>
/// <param name="Body">The markdown after the closing <c>---</c>, line endings normalised to <c>\n</c>, trimmed.</param>
/// <param name="BodyStartLine">The file line where the body begins (1-based).</param>
/// <param name="Frontmatter">The frontmatter values.</param>
public sealed record PersonaDocument(string Path, string Body, int BodyStartLine, PersonaFrontmatter Frontmatter);
