namespace DatabaseExpert.Migrations.Rules;

/// <summary>A lint rule: its id, severity and summary. Rules hold no state; they must not throw (the linter reports a rule that does as not analysed).</summary>
public interface IRule
{
    RuleInfo Info { get; }
}

/// <summary>A rule that looks at one statement at a time, with the migration's state just before it.</summary>
public interface IMigrationRule : IRule
{
    void Check(RuleContext context);
}

/// <summary>A rule that looks at the end of each file (an unclosed transaction, for example).</summary>
public interface IEndOfFileRule : IRule
{
    void CheckEnd(EndOfFileContext context);
}
