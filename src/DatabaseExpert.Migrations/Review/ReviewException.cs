namespace DatabaseExpert.Migrations.Review;

/// <summary>A review that cannot run as asked: not a git repository, an unknown base ref, a shallow clone, git missing.</summary>
/// <param name="message">What is wrong and how to fix it.</param>
/// <param name="isEnvironment">True when a program dbx depends on failed (git missing or broken) rather than the request.</param>
public sealed class ReviewException(string message, bool isEnvironment = false) : Exception(message)
{
    public bool IsEnvironment { get; } = isEnvironment;
}
