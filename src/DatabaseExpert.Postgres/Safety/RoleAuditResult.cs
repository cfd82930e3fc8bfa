using System.Text;

namespace DatabaseExpert.Postgres.Safety;

/// <summary>A capability the connected role has beyond reading this database's data.</summary>
public enum RoleRisk
{
    Superuser,
    CreateRole,
    CreateDatabase,
    BypassRowLevelSecurity,
    Replication,
    ServerFiles,
    WriteAllData,
    TableWrites,
    SchemaCreate,
    DatabaseCreate,
}

/// <summary>One capability, said in words a user can act on.</summary>
public sealed record RoleFinding(RoleRisk Risk, string Message);

/// <summary>
/// What the role dbx connects as can do (see <see cref="RoleAudit"/>). No findings means least privilege: it can read
/// and nothing else. The session defaults are reported too: a read-only default and a statement timeout are advised.
/// </summary>
public sealed record RoleAuditResult(string Role, IReadOnlyList<RoleFinding> Findings, bool DefaultTransactionReadOnly, string StatementTimeout)
{
    public const string Guide = "docs/least-privilege.md";

    public bool IsLeastPrivilege => Findings.Count == 0;

    public bool IsSuperuser => Findings.Any(f => f.Risk == RoleRisk.Superuser);

    /// <summary>One line: the findings joined (for a superuser only that, which implies the rest), or that the role only reads.</summary>
    public string Summary()
    {
        if (IsLeastPrivilege)
        {
            return $"role {Role} can only read";
        }

        var shown = IsSuperuser ? Findings.Where(f => f.Risk == RoleRisk.Superuser) : Findings;
        return $"role {Role} can do more than read: {string.Join("; ", shown.Select(f => f.Message))}";
    }

    public string ToModelText()
    {
        var text = new StringBuilder(Summary()).Append('\n');
        text.Append("default_transaction_read_only: ").Append(DefaultTransactionReadOnly ? "on" : "off (advised: on)").Append('\n');
        text.Append("statement_timeout: ").Append(StatementTimeout is "0" ? "0, none (advised: 30s)" : StatementTimeout).Append('\n');
        if (!IsLeastPrivilege)
        {
            text.Append("How to connect with a read-only role: ").Append(Guide).Append('\n');
        }

        return text.ToString();
    }
}
