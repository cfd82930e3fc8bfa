namespace DatabaseExpert.Postgres.Catalog.Internal.Ddl;

/// <summary>Triggers of tables and views with their enabled state. Partition clones come from the parent's trigger.</summary>
internal static class TriggerDdl
{
    public static void Write(SqlScript script, IEnumerable<(ObjectName Relation, IReadOnlyList<TriggerInfo> Triggers)> relations)
    {
        script.Section("Triggers");
        foreach (var (relation, triggers) in relations)
        {
            foreach (var trigger in triggers.Where(t => !t.Inherited))
            {
                script.Statement(trigger.Definition);
                var state = trigger.State switch
                {
                    TriggerState.Disabled => "DISABLE",
                    TriggerState.Replica => "ENABLE REPLICA",
                    TriggerState.Always => "ENABLE ALWAYS",
                    _ => null,
                };
                if (state is not null)
                {
                    script.Statement($"ALTER TABLE {Identifiers.Quote(relation)} {state} TRIGGER {Identifiers.Quote(trigger.Name)}");
                }
            }
        }
    }
}
