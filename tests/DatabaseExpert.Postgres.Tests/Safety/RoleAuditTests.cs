using System.Text.RegularExpressions;
using DatabaseExpert.Postgres.Safety;
using DatabaseExpert.Testing.Postgres;
using Npgsql;

namespace DatabaseExpert.Postgres.Tests.Safety;

public sealed partial class RoleAuditTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly List<string> _roles = [];

    public async Task InitializeAsync() => await postgres.Database.ExecuteAsync("""
        CREATE TABLE IF NOT EXISTS accounts (id int PRIMARY KEY, owner text);
        CREATE TABLE IF NOT EXISTS ledger (id int PRIMARY KEY, amount numeric, note text);
        CREATE OR REPLACE VIEW balances AS SELECT owner, count(*) FROM accounts GROUP BY owner;
        """);

    public async Task DisposeAsync()
    {
        foreach (var role in _roles)
        {
            await postgres.Database.ExecuteAsync($"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    [Fact]
    public async Task A_superuser_is_flagged_with_everything_it_can_do()
    {
        await using var connection = await postgres.Database.OpenConnectionAsync();

        var audit = await RoleAudit.AuditAsync(connection);

        Assert.True(audit.IsSuperuser);
        Assert.False(audit.IsLeastPrivilege);
        Assert.Contains(RoleRisk.TableWrites, audit.Findings.Select(f => f.Risk));
        Assert.Contains(RoleRisk.SchemaCreate, audit.Findings.Select(f => f.Risk));
        Assert.Contains(audit.Findings, f => f.Risk == RoleRisk.TableWrites && f.Message.Contains("public.accounts", StringComparison.Ordinal));
        Assert.Contains(RoleAuditResult.Guide, audit.ToModelText(), StringComparison.Ordinal);
        Assert.Equal("role postgres can do more than read: superuser: can read and change everything, files and programs on the server included", audit.Summary());
    }

    [Theory]
    [InlineData("PostgreSQL 14 and later")]
    [InlineData("PostgreSQL 13 and earlier (or to expose only some schemas)")]
    public async Task The_documented_role_can_only_read(string section)
    {
        var role = NewRoleName();
        var sql = DocumentedSql(section)
            .Replace("dbx_readonly", role, StringComparison.Ordinal)
            .Replace("appdb", postgres.Database.Name, StringComparison.Ordinal)
            .Replace("app_owner", "postgres", StringComparison.Ordinal);
        _roles.Add(role);
        await postgres.Database.ExecuteAsync(sql);

        await using var connection = await ConnectAsAsync(role);
        var audit = await RoleAudit.AuditAsync(connection);

        Assert.True(audit.IsLeastPrivilege, audit.Summary());
        Assert.Equal($"role {role} can only read", audit.Summary());
        Assert.True(audit.DefaultTransactionReadOnly);
        Assert.Equal("30s", audit.StatementTimeout);
        await using var read = new NpgsqlCommand("SELECT count(*) FROM ledger", connection);
        Assert.Equal(0L, await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Table_and_column_write_grants_are_found_with_their_tables()
    {
        var role = await CreateRoleAsync("GRANT INSERT ON accounts TO {0}; GRANT UPDATE (note) ON ledger TO {0}; GRANT SELECT ON balances TO {0};");

        await using var connection = await ConnectAsAsync(role);
        var audit = await RoleAudit.AuditAsync(connection);

        var finding = Assert.Single(audit.Findings);
        Assert.Equal(RoleRisk.TableWrites, finding.Risk);
        Assert.Equal("INSERT/UPDATE/DELETE/TRUNCATE on 2 table(s) or view(s): public.accounts, public.ledger", finding.Message);
        Assert.False(audit.DefaultTransactionReadOnly);
        Assert.Contains("off (advised: on)", audit.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Role_attributes_and_dangerous_memberships_are_found()
    {
        var role = await CreateRoleAsync("ALTER ROLE {0} CREATEDB CREATEROLE BYPASSRLS; GRANT pg_read_server_files, pg_execute_server_program, pg_write_all_data TO {0};");

        await using var connection = await ConnectAsAsync(role);
        var audit = await RoleAudit.AuditAsync(connection);

        var risks = audit.Findings.Select(f => f.Risk).ToList();
        Assert.Contains(RoleRisk.CreateDatabase, risks);
        Assert.Contains(RoleRisk.CreateRole, risks);
        Assert.Contains(RoleRisk.BypassRowLevelSecurity, risks);
        Assert.Contains(RoleRisk.WriteAllData, risks);
        Assert.Contains(audit.Findings, f => f.Message == "member of pg_read_server_files: can reach files on the server");
        Assert.Contains(audit.Findings, f => f.Message.StartsWith("member of pg_execute_server_program", StringComparison.Ordinal));
        Assert.False(audit.IsSuperuser);
    }

    [Fact]
    public async Task Create_on_a_schema_or_the_database_is_found()
    {
        var role = await CreateRoleAsync($"GRANT CREATE ON SCHEMA public TO {{0}}; GRANT CREATE ON DATABASE {postgres.Database.Name} TO {{0}};");

        await using var connection = await ConnectAsAsync(role);
        var audit = await RoleAudit.AuditAsync(connection);

        Assert.Equal([RoleRisk.SchemaCreate, RoleRisk.DatabaseCreate], audit.Findings.Select(f => f.Risk));
        Assert.Equal("CREATE on schema(s) public: can create tables and functions", audit.Findings[0].Message);
    }

    private async Task<string> CreateRoleAsync(string grants)
    {
        var role = NewRoleName();
        _roles.Add(role);
        await postgres.Database.ExecuteAsync($"CREATE ROLE {role} LOGIN; {string.Format(System.Globalization.CultureInfo.InvariantCulture, grants, role)}");
        return role;
    }

    private static string NewRoleName() => $"dbx_audit_{Guid.NewGuid():N}"[..22];

    private async Task<NpgsqlConnection> ConnectAsAsync(string role)
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Username = role, Password = "change-me", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The first ```sql block after the heading, from docs/least-privilege.md: the guide's SQL is what gets tested.</summary>
    private static string DocumentedSql(string heading)
    {
        var guide = File.ReadAllText(Path.Combine(DatabaseExpert.Testing.RepositoryPaths.Root, "docs", "least-privilege.md"));
        var start = guide.IndexOf($"### {heading}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/least-privilege.md has no section '{heading}'");
        return SqlBlock().Match(guide, start).Groups["sql"].Value;
    }

    [GeneratedRegex("```sql\\n(?<sql>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
