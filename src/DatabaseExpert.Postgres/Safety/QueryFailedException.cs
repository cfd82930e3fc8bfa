using System.Text;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Postgres.Safety;

/// <summary>The server rejected or cancelled the statement. Nothing was changed: the transaction was rolled back.</summary>
public sealed class QueryFailedException : Exception
{
    internal QueryFailedException(string sqlState, string serverMessage, string? detail, string? hint, SqlPosition? position, string? explanation, Exception inner)
        : base(Compose(sqlState, serverMessage, detail, hint, position, explanation), inner)
    {
        SqlState = sqlState;
        ServerMessage = serverMessage;
        Detail = detail;
        Hint = hint;
        Position = position;
    }

    /// <summary>The SQLSTATE code, e.g. <c>42703</c> (undefined column) or <c>57014</c> (cancelled by the statement timeout).</summary>
    public string SqlState { get; }

    public string ServerMessage { get; }

    public string? Detail { get; }

    public string? Hint { get; }

    /// <summary>Where in the caller's SQL the server located the error, when it did.</summary>
    public SqlPosition? Position { get; }

    private static string Compose(string sqlState, string serverMessage, string? detail, string? hint, SqlPosition? position, string? explanation)
    {
        var text = new StringBuilder(serverMessage);
        text.Append(" (SQLSTATE ").Append(sqlState).Append(')');
        if (position is { } at)
        {
            text.Append(" at line ").Append(at.Line).Append(", column ").Append(at.Column);
        }

        if (explanation is not null)
        {
            text.Append(": ").Append(explanation);
        }

        if (detail is not null)
        {
            text.Append("; detail: ").Append(detail);
        }

        if (hint is not null)
        {
            text.Append("; hint: ").Append(hint);
        }

        return text.ToString();
    }
}
