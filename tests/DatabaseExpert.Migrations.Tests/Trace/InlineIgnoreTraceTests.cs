using DatabaseExpert.Migrations.Trace.Rules;
using static DatabaseExpert.Migrations.Tests.Trace.TraceHarness;

namespace DatabaseExpert.Migrations.Tests.Trace;

public sealed class InlineIgnoreTraceTests
{
    [Fact]
    public async Task Ignore_comment_silences_the_named_rules_for_the_next_statement_only()
    {
        var result = await TraceAsync(Migration("0001_ignore.sql", """
            -- dbx-ignore trace-lock-without-timeout, trace-index-not-concurrent
            CREATE INDEX child_code_idx ON child (code);
            CREATE INDEX child_n_idx ON child (n);
            """));

        // Line 3 already holds the SHARE lock line 2 took, so only its index rule remains.
        var finding = Assert.Single(result.Findings);
        Assert.Equal((TraceRuleIds.IndexNotConcurrent, 3), (finding.Rule, finding.Line));
    }

    [Fact]
    public async Task Ignore_file_comment_silences_rules_for_every_statement()
    {
        var named = await TraceAsync(Migration("0001_ignore.sql", """
            -- dbx-ignore-file trace-lock-without-timeout
            CREATE INDEX child_code_idx ON child (code);
            ALTER TABLE child DROP COLUMN n;
            """));
        var all = await TraceAsync(Migration("0001_ignore.sql", "/* dbx-ignore-file */\nCREATE INDEX child_code_idx ON child (code);"));

        Assert.Equal([TraceRuleIds.IndexNotConcurrent], named.Rules());
        Assert.Empty(all.Findings);
    }
}
