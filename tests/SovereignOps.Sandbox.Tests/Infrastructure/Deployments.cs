using k8s.Models;

namespace SovereignOps.Sandbox.Tests.Infrastructure;

/// <summary>Small Deployment bodies for tests.</summary>
public static class Deployments
{
    public static V1Deployment Web(string name, string image = "registry.example/web:1") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec
                {
                    Containers =
                    [
                        new V1Container
                        {
                            Name = "web",
                            Image = image,
                            Env = [new V1EnvVar { Name = "MODE", Value = "prod" }],
                            Ports = [new V1ContainerPort { ContainerPort = 8080 }],
                        },
                    ],
                },
            },
        },
    };
}
