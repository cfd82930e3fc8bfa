using System.Globalization;

namespace DatabaseExpert.Testing.Models.Internal;

/// <summary>Cuts text into nearly equal pieces for streaming deltas, never inside a surrogate pair.</summary>
internal static class TextSplitter
{
    public static IReadOnlyList<string> Split(string text, int pieces)
    {
        var elements = StringInfo.ParseCombiningCharacters(text);
        var count = Math.Clamp(pieces, 1, Math.Max(1, elements.Length));
        if (count == 1)
        {
            return [text];
        }

        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var start = elements[i * elements.Length / count];
            var end = i == count - 1 ? text.Length : elements[(i + 1) * elements.Length / count];
            result.Add(text[start..end]);
        }

        return result;
    }
}
