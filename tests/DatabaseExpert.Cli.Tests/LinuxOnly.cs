using System.Runtime.Versioning;

// The tests run shell scripts, unix file modes and tmux: they run on Linux, where dbx is developed and tested.
[assembly: SupportedOSPlatform("linux")]
