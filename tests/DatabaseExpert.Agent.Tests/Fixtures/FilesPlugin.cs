using System.Collections.Concurrent;
using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace DatabaseExpert.Agent.Tests.Fixtures;

/// <summary>A kernel plugin that records the paths the model asked to read.</summary>
public sealed class FilesPlugin
{
    public ConcurrentQueue<string> ReadPaths { get; } = new();

    [KernelFunction("read")]
    [Description("Reads a text file.")]
    public string Read([Description("Relative path of the file.")] string path)
    {
        ReadPaths.Enqueue(path);
        return $"contents of {path}";
    }
}
