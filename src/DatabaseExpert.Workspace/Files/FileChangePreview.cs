using DatabaseExpert.Workspace.Diff;

namespace DatabaseExpert.Workspace.Files;

/// <summary>What a Write or Edit would change, computed without touching the disk, for an approval prompt.</summary>
/// <param name="Path">The file, relative to the workspace root.</param>
/// <param name="IsNewFile">The file does not exist yet.</param>
/// <param name="Diff">Unified diff from the current content to the proposed one.</param>
public sealed record FileChangePreview(string Path, bool IsNewFile, UnifiedDiff Diff)
{
    public string ToModelText() => Diff.IsEmpty ? $"No changes to '{Path}'." : Diff.Text;
}
