using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis;

/// <summary>An enum value added inside the current transaction (PostgreSQL refuses to use it before the commit).</summary>
public sealed record PendingEnumValue(ObjectName Type, string Value, SqlPosition Position);

/// <summary>A constraint added by this migration.</summary>
public sealed record NewConstraint(ObjectName Table, TableConstraint Constraint, int TransactionNumber);

/// <summary>
/// The state of one migration file as its statements are read in order: what it has created so far (so work on new
/// objects raises no alarm), whether a transaction is open (explicit, or implied by the tool that runs the file),
/// which timeouts are in force, and what the earlier migrations left (<see cref="KnownSchema"/>). Rules read the state
/// as it is just before the statement they check; <see cref="Advance"/> then applies the statement.
/// </summary>
public sealed partial class MigrationContext
{
    private static readonly HashSet<string> SqlValueFunctions = new(StringComparer.Ordinal)
    {
        "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user", "current_role",
        "current_schema", "current_catalog",
    };

    private readonly HashSet<string> _newTables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _newIndexes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _newColumns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _newTypes = new(StringComparer.Ordinal);
    private readonly List<NewConstraint> _newConstraints = [];
    private readonly List<PendingEnumValue> _pendingEnumValues = [];
    private readonly List<AnalyzedStatement> _earlier = [];
    private readonly HashSet<string> _remembered = new(StringComparer.Ordinal);
    private bool? _sessionLockTimeout;
    private bool? _localLockTimeout;
    private bool? _sessionStatementTimeout;
    private bool? _localStatementTimeout;

    public MigrationContext(MigrationFile file, KnownSchema schema, AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(settings);
        File = file;
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Settings = settings;
        ImpliedTransaction = file.RunsInTransaction || settings.AssumeInTransaction;
        InTransaction = ImpliedTransaction;
        TransactionNumber = 1;
    }

    public MigrationFile File { get; }

    /// <summary>How many statements the file holds.</summary>
    public int StatementCount { get; init; }

    public KnownSchema Schema { get; }

    public AnalysisSettings Settings { get; }

    public int PgVersion => Settings.PgVersion;

    public IServerTypeInfo Types => Settings.TypeInfo;

    /// <summary>The tool wraps the whole file in a transaction (or <c>--assume-in-transaction</c>).</summary>
    public bool ImpliedTransaction { get; }

    /// <summary>A transaction is open before the current statement (implied or opened by BEGIN).</summary>
    public bool InTransaction { get; private set; }

    /// <summary>The open transaction was started by a BEGIN in the file.</summary>
    public bool InExplicitTransaction { get; private set; }

    /// <summary>Changes whenever a transaction ends, so two statements are in the same transaction when their numbers match and one is open.</summary>
    public int TransactionNumber { get; private set; }

    /// <summary>The BEGIN of the open explicit transaction.</summary>
    public TransactionStatement? OpenedBy { get; private set; }

    /// <summary>Why the file runs in a transaction, for messages.</summary>
    public string TransactionReason => InExplicitTransaction ? "inside the BEGIN … COMMIT block"
        : File.TransactionNote ?? (Settings.AssumeInTransaction ? "each migration is assumed to run in a transaction (--assume-in-transaction)"
            : $"{File.Format} runs each migration in a transaction");

    /// <summary>A non-zero lock_timeout is in force.</summary>
    public bool LockTimeoutSet => _localLockTimeout ?? _sessionLockTimeout ?? false;

    public bool StatementTimeoutSet => _localStatementTimeout ?? _sessionStatementTimeout ?? false;

    /// <summary>A <c>SET LOCAL</c> of a timeout run outside any transaction, which PostgreSQL ignores (with a warning).</summary>
    public SetStatement? IneffectiveLocalTimeout { get; private set; }

    /// <summary>The statements before the current one.</summary>
    public IReadOnlyList<AnalyzedStatement> Earlier => _earlier;

    public AnalyzedStatement? Previous => _earlier.Count > 0 ? _earlier[^1] : null;

    /// <summary>Enum values added in the open transaction.</summary>
    public IReadOnlyList<PendingEnumValue> PendingEnumValues => _pendingEnumValues;

    /// <summary>Created earlier in this migration: it holds no rows yet and no one else uses it.</summary>
    public bool IsNewTable(ObjectName table) => _newTables.Contains(table.Key);

    public bool IsNewIndex(ObjectName index) => _newIndexes.Contains(index.Key);

    /// <summary>Added earlier in this migration (or part of a table created in it).</summary>
    public bool IsNewColumn(ObjectName table, string column) => IsNewTable(table) || _newColumns.Contains($"{table.Key}.{column}");

    public bool IsNewType(ObjectName type) => _newTypes.Contains(type.Key);

    public NewConstraint? FindNewConstraint(ObjectName table, string name) =>
        _newConstraints.LastOrDefault(c => c.Constraint.Name == name && c.Table.Matches(table));

    /// <summary>The type the column has before the current statement: from earlier migrations, else from the database.</summary>
    public SqlType? ColumnTypeBefore(ObjectName table, string column) => Schema.ColumnType(table, column) ?? Types.ColumnType(table, column);

    /// <summary>How volatile an expression is, and the call that makes it so (null when it is constant or stable).</summary>
    public (Volatility Volatility, FunctionCall? Culprit) VolatilityOf(SqlExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        // CURRENT_TIMESTAMP, CURRENT_USER … are stable like now(): the same value for every row of the statement.
        (Volatility, FunctionCall?) result = (expression.Tokens.Any(t => t.Kind == SqlTokenKind.Identifier && SqlValueFunctions.Contains(t.Value ?? string.Empty))
            ? Volatility.Stable : Volatility.Immutable, null);
        foreach (var call in expression.Calls)
        {
            var volatility = (call.Schema is null ? Schema.FunctionVolatility(call.Name) : null)
                ?? Types.FunctionVolatility(call.Schema, call.Name) ?? Volatility.Unknown;
            if (volatility == Volatility.Volatile)
            {
                return (Volatility.Volatile, call);
            }

            if (volatility == Volatility.Unknown && result.Item1 != Volatility.Unknown)
            {
                result = (Volatility.Unknown, call);
            }
            else if (volatility == Volatility.Stable && result.Item1 == Volatility.Immutable)
            {
                result = (Volatility.Stable, null);
            }
        }

        return result;
    }

    /// <summary>True the first time a key is given in this file: for rules that report something once per migration.</summary>
    public bool FirstTime(string key) => _remembered.Add(key);

    /// <summary>Applies the statement's effects; called once per statement, after the rules have seen it.</summary>
    public void Advance(AnalyzedStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        switch (statement)
        {
            case TransactionStatement { Action: TransactionAction.Begin } begin when !InTransaction:
                InTransaction = true;
                InExplicitTransaction = true;
                OpenedBy = begin;
                break;
            case TransactionStatement { Action: TransactionAction.Commit or TransactionAction.Rollback or TransactionAction.PrepareTransaction }
                when InTransaction:
                EndTransaction();
                break;
            case SetStatement set:
                ApplySetting(set);
                break;
            case CreateTableStatement create:
                _newTables.Add(create.Table.Key);
                foreach (var constraint in create.Constraints)
                {
                    _newConstraints.Add(new NewConstraint(create.Table, constraint, TransactionNumber));
                }

                break;
            case CreateOtherStatement { ObjectKind: "materialized view", Name: { } view }:
                _newTables.Add(view.Key);
                break;
            case CreateIndexStatement { Name: { } name } index:
                _newIndexes.Add(new ObjectName(index.Table.Schema, name).Key);
                break;
            case CreateEnumStatement create:
                _newTypes.Add(create.Type.Key);
                break;
            case AddEnumValueStatement add when InTransaction:
                _pendingEnumValues.Add(new PendingEnumValue(add.Type, add.Value, add.ValuePosition));
                break;
            case AlterTableStatement alter:
                ApplyAlterTable(alter);
                break;
        }

        Schema.Apply(statement);
        _earlier.Add(statement);
        if (!InTransaction)
        {
            // Outside a transaction every statement commits on its own.
            TransactionNumber++;
        }
    }

    private void ApplyAlterTable(AlterTableStatement alter)
    {
        foreach (var action in alter.Actions)
        {
            switch (action)
            {
                case AddColumnAction add:
                    _newColumns.Add($"{alter.Table.Key}.{add.Column.Name}");
                    break;
                case AddConstraintAction add:
                    _newConstraints.Add(new NewConstraint(alter.Table, add.Constraint, TransactionNumber));
                    break;
                case RenameTableAction rename when IsNewTable(alter.Table):
                    _newTables.Add(new ObjectName(alter.Table.Schema, rename.NewName).Key);
                    break;
                case RenameColumnAction rename when IsNewColumn(alter.Table, rename.Column):
                    _newColumns.Add($"{alter.Table.Key}.{rename.NewName}");
                    break;
            }
        }
    }

    private void EndTransaction()
    {
        InTransaction = false;
        InExplicitTransaction = false;
        OpenedBy = null;
        _localLockTimeout = null;
        _localStatementTimeout = null;
        _pendingEnumValues.Clear();
        TransactionNumber++;
    }

    private void ApplySetting(SetStatement set)
    {
        var isLock = set.Name is "lock_timeout" or "all";
        var isStatement = set.Name is "statement_timeout" or "all";
        if (!isLock && !isStatement)
        {
            return;
        }

        var enabled = set.Value is { } value && !ZeroDuration().IsMatch(value.Trim());
        if (set.Local && !InTransaction)
        {
            IneffectiveLocalTimeout = set;
            return;
        }

        if (set.Local)
        {
            _localLockTimeout = isLock ? enabled : _localLockTimeout;
            _localStatementTimeout = isStatement ? enabled : _localStatementTimeout;
        }
        else
        {
            _sessionLockTimeout = isLock ? enabled : _sessionLockTimeout;
            _sessionStatementTimeout = isStatement ? enabled : _sessionStatementTimeout;
            // A session SET inside a transaction also replaces a SET LOCAL of the same setting.
            _localLockTimeout = isLock ? null : _localLockTimeout;
            _localStatementTimeout = isStatement ? null : _localStatementTimeout;
        }
    }

    [GeneratedRegex(@"^0+(\.0*)?\s*(us|ms|s|min|h|d)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZeroDuration();
}
