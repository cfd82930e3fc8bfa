using DatabaseExpert.Cli;

return await DbxApp.RunAsync(args, CliHost.FromProcess());
