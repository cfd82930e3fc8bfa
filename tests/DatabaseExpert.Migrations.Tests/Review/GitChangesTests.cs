using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Review.Git;

namespace DatabaseExpert.Migrations.Tests.Review;

public sealed class GitChangesTests
{
    [Fact]
    public void ParseNameStatus_ReadsEveryStatusIncludingRenamesAndCopies()
    {
        const string output = "M\0db/001.sql\0R087\0db/old name.sql\0db/new name.sql\0A\0db/003.sql\0D\0db/004.sql\0C100\0a.sql\0b.sql\0T\0link.sql\0";

        var changes = GitRepository.ParseNameStatus(output);

        Assert.Equal(
            [new GitChange(FileChange.Modified, "db/001.sql"), new GitChange(FileChange.Renamed, "db/new name.sql", "db/old name.sql"),
             new GitChange(FileChange.Added, "db/003.sql"), new GitChange(FileChange.Deleted, "db/004.sql"),
             new GitChange(FileChange.Added, "b.sql"), new GitChange(FileChange.Modified, "link.sql")],
            changes);
    }

    [Fact]
    public void ParseNameStatus_Empty_IsNoChange() => Assert.Empty(GitRepository.ParseNameStatus(""));
}
