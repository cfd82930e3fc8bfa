using System.Runtime.Versioning;

// The tests use symbolic links, unix modes, /proc and GNU diff/patch: they run on Linux, where the service runs.
[assembly: SupportedOSPlatform("linux")]
