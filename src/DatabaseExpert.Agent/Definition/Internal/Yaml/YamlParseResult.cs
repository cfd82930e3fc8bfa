namespace DatabaseExpert.Agent.Definition.Internal.Yaml;

/// <summary>The document's root (null for an empty document) and whether the text parsed at all.</summary>
internal readonly record struct YamlParseResult(bool Parsed, YamlNode? Root);
