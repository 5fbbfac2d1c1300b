using CliWrap;
using CliWrap.Buffered;
using k8s.Models;
using SovereignOps.Rendering.Manifests;

namespace SovereignOps.Rendering.Tests.Charts;

/// <summary>
/// Every example in ci/ (and every chart's defaults) renders into objects that load strictly into
/// their Kubernetes models and keep the chart rules: a namespace on every namespaced object, and
/// restricted containers.
/// </summary>
public sealed class ChartExampleRenderTests
{
    [Theory]
    [MemberData(nameof(ChartCatalog.ChartsWithValues), MemberType = typeof(ChartCatalog))]
    public async Task Example_renders_into_known_strictly_typed_objects(string chart, string ciValues)
    {
        var arguments = new List<string> { "template", "example", ChartCatalog.Directory(chart), "--namespace", "release-namespace-is-ignored" };
        if (ciValues.Length > 0)
        {
            arguments.AddRange(["-f", Path.Combine(ChartCatalog.Directory(chart), "ci", ciValues)]);
        }

        var helm = await Cli.Wrap(RepoPaths.Helm).WithArguments(arguments).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.True(helm.ExitCode == 0, helm.StandardError);

        var parsed = HelmOutputParser.Parse(helm.StandardOutput, chart);

        Assert.True(parsed.Manifest is not null, parsed.Error?.Message);
        Assert.NotEmpty(parsed.Manifest);
        foreach (var rendered in parsed.Manifest.Where(o => o.Kind != "Namespace"))
        {
            Assert.False(string.IsNullOrEmpty(rendered.Namespace), $"{rendered.DisplayName} has no namespace");
            Assert.NotEqual("release-namespace-is-ignored", rendered.Namespace);
            Assert.Equal("sovereignops", rendered.Object.Metadata.Labels["app.kubernetes.io/managed-by"]);
        }

        var pods = parsed.Manifest.OfKind<V1Deployment>().Select(d => d.Spec.Template.Spec)
            .Concat(parsed.Manifest.OfKind<V1StatefulSet>().Select(s => s.Spec.Template.Spec));
        foreach (var container in pods.SelectMany(pod => pod.Containers.Concat(pod.InitContainers ?? [])))
        {
            Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
            Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
            Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        }
    }
}
