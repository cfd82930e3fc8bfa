using DatabaseExpert.Postgres.Explain;
using DatabaseExpert.Postgres.Explain.Internal;

namespace DatabaseExpert.Postgres.Tests.Explain;

/// <summary>The decisions made before anything reaches the server.</summary>
public sealed class ExplainPolicyTests
{
    [Theory]
    [InlineData("select * from orders")]
    [InlineData("(select 1) union all (select 2)")]
    [InlineData("values (1), (2)")]
    [InlineData("table orders")]
    [InlineData("with recent as (select * from orders) select * from recent")]
    [InlineData("select * from t where note = 'delete me; drop table t'")]
    public void Read_only_statements_may_be_analyzed_anywhere(string sql)
    {
        var decision = Decide(sql, analyze: true);

        Assert.False(decision.ChangesData);
    }

    [Theory]
    [InlineData("insert into t values (1)", "INSERT changes rows")]
    [InlineData("update t set a = 1", "UPDATE changes rows")]
    [InlineData("delete from t", "DELETE changes rows")]
    [InlineData("merge into t using s on t.id = s.id when matched then delete", "MERGE changes rows")]
    [InlineData("with gone as (delete from t returning *) select count(*) from gone", "data-modifying DELETE")]
    [InlineData("select * from t for update", "locks rows")]
    [InlineData("select * from t for no key update skip locked", "locks rows")]
    [InlineData("select * from t for share", "locks rows")]
    public void Data_changing_statements_are_recognised(string sql, string reason)
    {
        var decision = Decide(sql, analyze: false);

        Assert.Contains(reason, decision.ChangeReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("delete from orders")]
    [InlineData("with x as (update t set a = 1 returning *) select * from x")]
    [InlineData("select * from t for update")]
    public void Analyze_of_a_data_changing_statement_needs_a_writable_target(string sql)
    {
        var error = Assert.Throws<ExplainException>(() => Decide(sql, analyze: true));

        Assert.Equal(ExplainErrorKind.Refused, error.Kind);
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Contains("without --analyze", error.Message, StringComparison.Ordinal);
        Assert.Contains("--db shadow", error.Message, StringComparison.Ordinal);
        Assert.True(Decide(sql, analyze: true, allowWrites: true).ChangesData);
        Assert.True(Decide(sql, analyze: false).ChangesData);
    }

    [Theory]
    [InlineData("select 1; select 2", "exactly one statement")]
    [InlineData("select 1; drop table orders", "exactly one statement")]
    [InlineData("select 1 /* c */; commit; drop table t", "exactly one statement")]
    [InlineData("do $$ begin perform 1; end $$", "DO statements are not explained")]
    [InlineData("copy orders to program 'rm -rf /'", "COPY statements are not explained")]
    [InlineData("call proc()", "CALL statements are not explained")]
    [InlineData("create table t as select 1", "CREATE statements are not explained")]
    [InlineData("drop table orders", "DROP statements are not explained")]
    [InlineData("set role postgres", "SET statements are not explained")]
    [InlineData("explain analyze select 1", "without EXPLAIN")]
    [InlineData("execute stmt(1)", "pass the statement text itself")]
    [InlineData("select * into copy_of_orders from orders", "SELECT … INTO creates a table")]
    public void Anything_else_is_refused_with_the_reason(string sql, string reason)
    {
        var error = Assert.Throws<ExplainException>(() => Decide(sql, analyze: false));

        Assert.Equal(ExplainErrorKind.Refused, error.Kind);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select pg_terminate_backend(pid) from pg_stat_activity", "pg_terminate_backend()")]
    [InlineData("select pg_catalog.pg_read_file('/etc/passwd')", "pg_read_file()")]
    [InlineData("select * from dblink('host=x', 'delete from t') as r(a int)", "dblink()")]
    [InlineData("select pg_advisory_lock(1)", "pg_advisory_lock()")]
    public void Analyze_never_runs_functions_whose_effects_survive_rollback(string sql, string function)
    {
        var error = Assert.Throws<ExplainException>(() => Decide(sql, analyze: true, allowWrites: true));

        Assert.Equal(ExplainErrorKind.Refused, error.Kind);
        Assert.Contains(function, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1, column", error.Message, StringComparison.Ordinal);
        Assert.False(Decide(sql, analyze: false).ChangesData);
    }

    [Theory]
    [InlineData("select pg_stat_reset()", "pg_stat_reset()")]
    [InlineData("select hypopg_create_index('create index on t (a)')", "hypopg_create_index()")]
    [InlineData("select query_to_xml('select pg_terminate_backend(1)', true, false, '')", "query_to_xml()")]
    [InlineData("select pg_advisory_unlock_all()", "pg_advisory_unlock_all()")]
    public void Analyze_refuses_every_forbidden_function_whose_effect_escapes_the_rollback(string sql, string function)
    {
        var error = Assert.Throws<ExplainException>(() => Decide(sql, analyze: true, allowWrites: true));

        Assert.Equal(ExplainErrorKind.Refused, error.Kind);
        Assert.Contains(function, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select nextval('s')")]
    [InlineData("select set_config('work_mem', '1MB', true)")]
    [InlineData("select pg_notify('c', 'x')")]
    [InlineData("select pg_advisory_xact_lock(1)")]
    public void Analyze_leaves_what_the_read_only_transaction_or_the_rollback_stops_to_them(string sql)
    {
        Assert.False(Decide(sql, analyze: true).ChangesData);
    }

    [Fact]
    public void Placeholders_without_values_get_a_generic_plan_but_no_analyze()
    {
        const string sql = "select * from orders where customer_id = $1 and status = $2";

        var decision = Decide(sql, analyze: false);
        Assert.True(decision.GenericPlan);
        Assert.Equal(2, decision.ParameterCount);

        var error = Assert.Throws<ExplainException>(() => Decide(sql, analyze: true));
        Assert.Equal(ExplainErrorKind.Refused, error.Kind);
        Assert.Contains("$1…$2", error.Message, StringComparison.Ordinal);

        Assert.False(Decide(sql, analyze: true, parameters: ["7", "paid"]).GenericPlan);
    }

    [Theory]
    [InlineData("select $1, $2", new[] { "1" }, "up to $2 but 1 value(s)")]
    [InlineData("select 1", new[] { "1" }, "no $1 placeholder")]
    public void Parameter_values_must_match_the_placeholders(string sql, string[] values, string message)
    {
        var error = Assert.Throws<ExplainException>(() => Decide(sql, analyze: false, parameters: values));

        Assert.Equal(ExplainErrorKind.InvalidRequest, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "no statement")]
    [InlineData("  -- just a comment", "no statement")]
    [InlineData("select 'unterminated", "unterminated string constant: the ' opened here is never closed (line 1, column 8)")]
    public void Empty_or_incomplete_sql_is_an_invalid_request(string sql, string message)
    {
        var error = Assert.Throws<ExplainException>(() => Decide(sql, analyze: false));

        Assert.Equal(ExplainErrorKind.InvalidRequest, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select 'open", "unterminated string constant: the ' opened here is never closed (line 1, column 8)")]
    [InlineData("select 1\n  /* open", "unterminated /* comment: add the closing */ (line 2, column 3)")]
    [InlineData("select $x$ open", "unterminated dollar-quoted string: no closing $x$ for the one opened here (line 1, column 8)")]
    [InlineData("select \"open", "unterminated quoted identifier: the \" opened here is never closed (line 1, column 8)")]
    public void Unterminated_text_is_a_problem_with_its_position(string sql, string problem)
    {
        var error = Assert.Throws<ExplainException>(() => Decide(sql, analyze: false));

        Assert.Equal(ExplainErrorKind.InvalidRequest, error.Kind);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_unquoted_words_outside_literals_are_keywords()
    {
        Assert.Contains(
            "data-modifying DELETE",
            Decide("with d as (delete from t returning *) select \"Update\", lower(x) from d where y = 'insert'", analyze: false).ChangeReason,
            StringComparison.Ordinal);
        Assert.False(Decide("select \"Update\", \"delete\", lower(x) from d where y = 'insert'", analyze: false).ChangesData);
    }

    private static StatementDecision Decide(string sql, bool analyze, bool allowWrites = false, IReadOnlyList<string?>? parameters = null) =>
        ExplainPolicy.Decide(sql, new ExplainRequest(sql) { Analyze = analyze, AllowWrites = allowWrites, Parameters = parameters });
}
