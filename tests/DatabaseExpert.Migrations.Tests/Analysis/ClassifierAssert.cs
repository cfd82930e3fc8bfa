using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Tests.Analysis;

internal static class ClassifierAssert
{
    /// <summary>Classifies the only statement of the SQL and checks its type.</summary>
    public static T Classify<T>(string sql)
        where T : AnalyzedStatement
    {
        var script = SqlScript.Parse(sql);
        Assert.Single(script.Statements);
        var statement = StatementClassifier.Classify(script.Statements[0]);
        return Assert.IsType<T>(statement);
    }
}
