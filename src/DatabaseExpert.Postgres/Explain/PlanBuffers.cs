namespace DatabaseExpert.Postgres.Explain;

/// <summary>Buffer counts of a node (EXPLAIN BUFFERS), in 8 kB blocks, including its children's.</summary>
public sealed record PlanBuffers(
    long SharedHit,
    long SharedRead,
    long SharedDirtied,
    long SharedWritten,
    long LocalHit,
    long LocalRead,
    long LocalDirtied,
    long LocalWritten,
    long TempRead,
    long TempWritten)
{
    public long SharedTotal => SharedHit + SharedRead;
}
