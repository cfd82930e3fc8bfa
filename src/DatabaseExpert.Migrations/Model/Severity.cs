namespace DatabaseExpert.Migrations.Model;

/// <summary>How bad a finding is. <c>--fail-on</c> compares against it.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}
