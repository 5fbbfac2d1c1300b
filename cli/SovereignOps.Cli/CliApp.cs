using Spectre.Console;
using Spectre.Console.Cli;
using SovereignOps.Cli.Commands;

namespace SovereignOps.Cli;

/// <summary>Wires every sovereignctl command. Exit codes: 0 success, 1 invalid input or failed check, 2 usage error.</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitInvalid = 1;
    public const int ExitUsage = 2;

    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("sovereignctl");
            config.PropagateExceptions();
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check bundle files and folders against the CRD schemas and the residency rules; exit 0 valid, 1 invalid, 2 usage error.")
                .WithExample("validate", "examples/thailand", "examples/saudi-arabia", "examples/korea")
                .WithExample("validate", "-o", "json", "bundle/");

            config.AddCommand<PlanCommand>("plan")
                .WithDescription("Plan a bundle: memory and GPUs per model, pool usage, agent bindings, residency; exit 1 when something does not fit or comply.")
                .WithExample("plan", "examples/thailand")
                .WithExample("plan", "-o", "json", "examples/korea");

            config.AddCommand<RenderCommand>("render")
                .WithDescription("Write the exact objects the operator would apply, one file per object; exit 1 and write nothing when a check fails.")
                .WithExample("render", "examples/thailand", "--out", "rendered");

            config.AddCommand<CrdsCommand>("crds")
                .WithDescription("Write the CustomResourceDefinitions generated from the API types.")
                .WithExample("crds", "--out", "crds");

            config.AddCommand<SandboxCliCommand>("sandbox")
                .WithDescription("Run the embedded Kubernetes-compatible API server on 127.0.0.1 until Ctrl-C; writes a kubeconfig.")
                .WithExample("sandbox", "--port", "6443", "--nodes", "examples/thailand/nodes.yaml");

            config.AddCommand<ApplyCommand>("apply")
                .WithDescription("Validate a bundle, then server-side apply its custom resources and Namespaces (field manager sovereignctl); prints created, configured or unchanged per object.")
                .WithExample("apply", "examples/thailand")
                .WithExample("apply", "--dry-run", "examples/korea", "--context", "gov-kr");

            config.AddCommand<DiffCommand>("diff")
                .WithDescription("Show what apply would change, per object and field, from the server's dry run; exit 0 no change, 1 changes, 2 error.")
                .WithExample("diff", "examples/thailand");

            config.AddCommand<StatusCommand>("status")
                .WithDescription("Each profile as a tree: policy, GPU pools, models and agents with their Ready state; exit 1 when something is not Ready.")
                .WithExample("status")
                .WithExample("status", "-n", "th-national-ai", "-o", "json");

            config.AddBranch("upgrade", upgrade =>
            {
                upgrade.SetDescription("Upgrade pre-flight for the operator and the clusters.");
                upgrade.AddCommand<UpgradeCheckCommand>("check")
                    .WithDescription("PASS/WARN/FAIL per check: Kubernetes version, CRD stored versions, operator version skew, mirrored images, GPU headroom for rollouts, PodDisruptionBudgets, deprecated fields; exit 1 on any FAIL.")
                    .WithExample("upgrade", "check", "--to-chart", "charts/sovereign-operator", "--mirror-index", "mirror-images.txt");
            });

            config.AddBranch("profile", profile =>
            {
                profile.SetDescription("Build a government customer's country profile.");
                profile.AddCommand<ProfileInitCommand>("init")
                    .WithDescription("Write a complete bundle (policy, profile, pools, models, agents, nodes) from a country preset.")
                    .WithExample("profile", "init", "--country", "TH", "--customer", "\"Ministry of Digital Economy and Society\"", "--out", "th")
                    .WithExample("profile", "init", "--country", "SA", "--customer", "\"National Data Authority\"", "--gpu", "H200-141GB:16", "--model", "falcon:180:fp8", "--out", "sa");
            });
        });

        try
        {
            return await app.RunAsync(args);
        }
        catch (CommandAppException ex)
        {
            (console ?? AnsiConsole.Console).MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
            return ExitUsage;
        }
    }
}
