using SovereignOps.Cli;

return await CliApp.RunAsync(args);
