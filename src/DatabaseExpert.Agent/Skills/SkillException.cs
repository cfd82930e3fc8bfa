namespace DatabaseExpert.Agent.Skills;

/// <summary>A skill request the catalog refuses (unknown skill, path outside the skill, missing file); the message says what to do.</summary>
public sealed class SkillException : Exception
{
    public SkillException()
    {
    }

    public SkillException(string message)
        : base(message)
    {
    }

    public SkillException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
