using System.CommandLine;

namespace DatabaseExpert.Cli.Commands;

public static class DoctorCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("doctor", "Check the environment: PostgreSQL, hypopg, node, model, context7");
        command.SetAction(_ => { host.Out.WriteLine("doctor: not yet"); return 0; });
        return command;
    }
}
