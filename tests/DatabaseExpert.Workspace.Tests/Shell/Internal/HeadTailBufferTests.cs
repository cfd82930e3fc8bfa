using DatabaseExpert.Workspace.Shell.Internal;

namespace DatabaseExpert.Workspace.Tests.Shell.Internal;

public sealed class HeadTailBufferTests
{
    [Fact]
    public void UnderTheCap_KeepsEverythingInOrder()
    {
        var buffer = new HeadTailBuffer(10);
        buffer.Append("abc");
        buffer.Append("defgh");

        Assert.Equal("abcdefgh", buffer.ToText());
        Assert.Equal(0, buffer.OmittedCharacters);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(100)]
    public void OverTheCap_KeepsHeadAndTail_WhateverTheChunkSize(int chunkSize)
    {
        var text = string.Concat(Enumerable.Range(0, 100).Select(i => (char)('A' + (i % 26))));
        var buffer = new HeadTailBuffer(10);
        for (var i = 0; i < text.Length; i += chunkSize)
        {
            buffer.Append(text.AsSpan(i, Math.Min(chunkSize, text.Length - i)));
        }

        Assert.Equal($"{text[..5]}\n[... 90 characters omitted ...]\n{text[^5..]}", buffer.ToText());
        Assert.Equal(90, buffer.OmittedCharacters);
    }
}
