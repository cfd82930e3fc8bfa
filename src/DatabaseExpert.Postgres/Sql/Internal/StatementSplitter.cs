namespace DatabaseExpert.Postgres.Sql.Internal;

/// <summary>
/// Groups tokens into statements. A semicolon ends a statement only at parenthesis depth 0 and outside the
/// <c>BEGIN ATOMIC … END</c> body of <c>CREATE [OR REPLACE] FUNCTION|PROCEDURE</c>; inside such a body, CASE … END
/// pairs are counted so that their END does not close the body (the same heuristic psql applies).
/// </summary>
internal sealed class StatementSplitter
{
    private readonly SqlSource _source;
    private readonly SqlToken[] _tokens;
    private readonly List<SqlStatement> _statements = [];
    private readonly List<SqlDiagnostic> _notes = [];
    private readonly List<SqlToken> _metaCommands = [];
    private List<SqlToken> _leadingComments = [];
    private int _first = -1;
    private int _last = -1;
    private int _parenthesisDepth;
    private int _atomicDepth;
    private int _headWords;
    private bool _isRoutine;
    private bool _headDecided;

    private StatementSplitter(SqlSource source, SqlToken[] tokens)
    {
        _source = source;
        _tokens = tokens;
    }

    public static Result Split(SqlSource source, SqlToken[] tokens)
    {
        var splitter = new StatementSplitter(source, tokens);
        splitter.Run();
        return new Result(splitter._statements, splitter._notes, splitter._metaCommands, splitter._leadingComments);
    }

    private void Run()
    {
        for (var i = 0; i < _tokens.Length; i++)
        {
            var token = _tokens[i];
            switch (token.Kind)
            {
                case SqlTokenKind.Whitespace:
                    continue;
                case SqlTokenKind.LineComment or SqlTokenKind.BlockComment:
                    if (_first < 0)
                    {
                        _leadingComments.Add(token);
                    }

                    continue;
                case SqlTokenKind.MetaCommand:
                    MetaCommand(token);
                    continue;
                case SqlTokenKind.Punctuation when token.IsPunctuation(';') && _parenthesisDepth == 0 && _atomicDepth == 0:
                    // A lone semicolon is an empty statement: nothing to keep.
                    if (_first >= 0)
                    {
                        Close(terminated: true);
                    }

                    continue;
            }

            if (_first < 0)
            {
                Open(i);
            }

            _last = i;
            Track(token, i);
        }

        if (_first >= 0)
        {
            Close(terminated: false);
        }
    }

    private void MetaCommand(SqlToken token)
    {
        var name = token.Span;
        var space = name.IndexOfAny(' ', '\t');
        var command = (space < 0 ? name : name[..space]).ToString();
        var cut = _first >= 0;
        if (cut)
        {
            Close(terminated: false);
        }

        _metaCommands.Add(token);
        _notes.Add(new SqlDiagnostic(
            SqlDiagnosticSeverity.Note,
            $"psql meta-command {command} skipped: it is not SQL{(cut ? " (it ends the statement before it, as psql would send that statement)" : string.Empty)}",
            token.Start,
            _source.File));
    }

    private void Open(int index)
    {
        _first = index;
        _parenthesisDepth = 0;
        _atomicDepth = 0;
        _headWords = 0;
        _isRoutine = false;
        _headDecided = false;
    }

    private void Track(SqlToken token, int index)
    {
        if (token.Kind == SqlTokenKind.Punctuation)
        {
            if (token.IsPunctuation('('))
            {
                _parenthesisDepth++;
            }
            else if (token.IsPunctuation(')') && _parenthesisDepth > 0)
            {
                _parenthesisDepth--;
            }

            _headDecided = true;
            return;
        }

        if (token.Kind != SqlTokenKind.Identifier)
        {
            _headDecided = true;
            return;
        }

        if (!_headDecided)
        {
            ReadHead(token);
            return;
        }

        if (!_isRoutine || _parenthesisDepth > 0)
        {
            return;
        }

        if (token.IsKeyword("BEGIN") && NextSignificant(index) is { } next && next.IsKeyword("ATOMIC"))
        {
            _atomicDepth++;
        }
        else if (_atomicDepth > 0 && token.IsKeyword("CASE"))
        {
            _atomicDepth++;
        }
        else if (_atomicDepth > 0 && token.IsKeyword("END"))
        {
            _atomicDepth--;
        }
    }

    /// <summary>Recognises <c>CREATE [OR REPLACE] FUNCTION|PROCEDURE</c>, the only statements with BEGIN ATOMIC bodies.</summary>
    private void ReadHead(SqlToken word)
    {
        var position = _headWords++;
        var routine = word.IsKeyword("FUNCTION") || word.IsKeyword("PROCEDURE");
        var fits = position switch
        {
            0 => word.IsKeyword("CREATE"),
            1 => routine || word.IsKeyword("OR"),
            2 => word.IsKeyword("REPLACE"),
            3 => routine,
            _ => false,
        };
        _isRoutine = fits && routine;
        _headDecided = !fits || routine;
    }

    private SqlToken? NextSignificant(int index)
    {
        for (var i = index + 1; i < _tokens.Length; i++)
        {
            if (!_tokens[i].IsTrivia)
            {
                return _tokens[i];
            }
        }

        return null;
    }

    private void Close(bool terminated)
    {
        var first = _tokens[_first];
        var last = _tokens[_last];
        var text = _source.Text.Substring(first.Start.Offset, last.EndOffset - first.Start.Offset);
        _statements.Add(new SqlStatement(
            text, first.Start, last.End, new ArraySegment<SqlToken>(_tokens, _first, _last - _first + 1), _leadingComments)
        {
            File = _source.File,
            Index = _statements.Count,
            IsTerminated = terminated,
        });
        _leadingComments = [];
        _first = _last = -1;
    }

    public sealed record Result(
        IReadOnlyList<SqlStatement> Statements, IReadOnlyList<SqlDiagnostic> Notes, IReadOnlyList<SqlToken> MetaCommands,
        IReadOnlyList<SqlToken> TrailingComments);
}
