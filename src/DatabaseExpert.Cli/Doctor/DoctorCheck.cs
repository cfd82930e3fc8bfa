namespace DatabaseExpert.Cli.Doctor;

public enum CheckStatus
{
    Ok,
    Warn,
    Fail,
}

/// <summary>One line of <c>dbx doctor</c>: what was checked, how it went, and how to fix it when it did not go well.</summary>
public sealed record DoctorCheck(string Name, CheckStatus Status, string Detail, string? Fix = null)
{
    public static DoctorCheck Ok(string name, string detail) => new(name, CheckStatus.Ok, detail);

    public static DoctorCheck Warn(string name, string detail, string fix) => new(name, CheckStatus.Warn, detail, fix);

    public static DoctorCheck Fail(string name, string detail, string fix) => new(name, CheckStatus.Fail, detail, fix);
}
