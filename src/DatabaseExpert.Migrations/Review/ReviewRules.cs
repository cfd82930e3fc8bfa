namespace DatabaseExpert.Migrations.Review;

/// <summary>Rule ids of the findings the review itself produces (pages in docs/rules/&lt;id&gt;.md).</summary>
public static class ReviewRules
{
    /// <summary>
    /// A migration that already existed at the merge-base was edited, renamed or deleted: databases that applied it do not
    /// run it again, so the change never reaches them.
    /// </summary>
    public const string EditedAppliedMigration = "edited-applied-migration";
}
