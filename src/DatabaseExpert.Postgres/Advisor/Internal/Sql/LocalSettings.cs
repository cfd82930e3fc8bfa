using Npgsql;

namespace DatabaseExpert.Postgres.Advisor.Internal.Sql;

internal static class LocalSettings
{
    /// <summary><c>SET LOCAL name = value</c>, parameterised: the setting ends with the transaction (safe behind a transaction pooler).</summary>
    public static async Task SetLocalAsync(NpgsqlConnection connection, string name, string value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT set_config(@name, @value, true)", connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A duration as a setting value in milliseconds (<c>statement_timeout</c>, <c>lock_timeout</c>).</summary>
    public static string Milliseconds(TimeSpan timeout) =>
        ((long)Math.Max(1, timeout.TotalMilliseconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "ms";
}
