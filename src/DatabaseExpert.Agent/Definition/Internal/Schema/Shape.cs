using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal.Schema;

/// <summary>
/// The expected form of a YAML value. <see cref="Check"/> reports what does not fit and returns the accepted value
/// (possibly normalised, with rejected parts left out), or null when the value is rejected as a whole.
/// </summary>
internal abstract class Shape
{
    public static Shape Text { get; } = new TextShape();

    public static Shape Bool { get; } = new BoolShape();

    public static Shape Any { get; } = new AnyShape();

    public static Shape Texts { get; } = new ListShape(Text);

    /// <summary>A comma-separated string or a list, as Claude Code frontmatter allows for tools and skills.</summary>
    public static Shape TextOrTexts { get; } = new CommaListShape(splitOnSpaces: false);

    /// <summary>A space- or comma-separated string or a list (Agent Skills <c>allowed-tools</c>).</summary>
    public static Shape WordsOrTexts { get; } = new CommaListShape(splitOnSpaces: true);

    public static Shape TextMap { get; } = new DictionaryShape(Text);

    /// <summary>"a string", "a list of strings": used in "must be X" messages.</summary>
    public abstract string Expected { get; }

    /// <summary>How to write a value of this shape under <paramref name="key"/>.</summary>
    public virtual string Example(string key) => $"write `{key}:` as {Expected}";

    public abstract YamlNode? Check(YamlNode node, string path, ShapeContext context);

    public static Shape Int(int min, int max) => new IntShape(min, max);

    public static Shape Choice(params string[] values) => new ChoiceShape(values);

    public static Shape ListOf(Shape item) => new ListShape(item);

    public static Shape DictionaryOf(Shape value) => new DictionaryShape(value);

    public static MapShape Map(params Field[] fields) => new(fields, additional: null);

    public static Shape ScalarOr(Shape scalar, Shape map) => new ScalarOrMapShape(scalar, map);

    protected void WrongType(YamlNode node, string path, ShapeContext context) =>
        context.Diagnostics.Error(DiagnosticCodes.WrongType, context.File, node.Position,
            $"`{path}` must be {Expected}, but it is {node.KindName}", Example(LastSegment(path)));

    protected static string LastSegment(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? path : path[(dot + 1)..];
    }
}
