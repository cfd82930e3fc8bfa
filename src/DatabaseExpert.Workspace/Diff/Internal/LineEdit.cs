namespace DatabaseExpert.Workspace.Diff.Internal;

internal enum LineEditKind
{
    Equal,
    Delete,
    Insert,
}

/// <summary>One step of an edit script: keep, delete or insert a line (0-based indexes; -1 where not applicable).</summary>
internal readonly record struct LineEdit(LineEditKind Kind, int OldIndex, int NewIndex);
