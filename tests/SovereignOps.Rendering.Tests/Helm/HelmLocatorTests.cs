using SovereignOps.Rendering.Helm;

namespace SovereignOps.Rendering.Tests.Helm;

public sealed class HelmLocatorTests : IDisposable
{
    private readonly string sandbox = Path.Combine(Path.GetTempPath(), $"sovereignops-locator-{Guid.NewGuid():N}");

    public HelmLocatorTests() => Directory.CreateDirectory(sandbox);

    [Fact]
    public void A_configured_path_wins_over_everything_else()
    {
        var configured = Touch("configured/helm");
        Touch("app/.tools/bin/helm");

        var location = HelmLocator.Locate(configured, Touch("env/helm"), Dir("app/bin/Release"), Dir("path"));

        Assert.Equal(configured, location.Path);
    }

    [Fact]
    public void The_environment_variable_wins_over_the_pinned_tools()
    {
        var fromEnvironment = Touch("env/helm");
        Touch("app/.tools/bin/helm");

        var location = HelmLocator.Locate(null, fromEnvironment, Dir("app/bin/Release"), null);

        Assert.Equal(fromEnvironment, location.Path);
    }

    [Fact]
    public void The_pinned_tools_above_the_application_are_found()
    {
        var pinned = Touch("app/.tools/bin/helm");
        Touch("path/helm");

        var location = HelmLocator.Locate(null, null, Dir("app/tests/bin/Release/net10.0"), Dir("path"));

        Assert.Equal(pinned, location.Path);
    }

    [Fact]
    public void Helm_on_the_path_is_the_last_resort()
    {
        var onPath = Touch("path/helm");

        var location = HelmLocator.Locate(null, null, Dir("app/bin"), Dir("empty") + Path.PathSeparator + Path.GetDirectoryName(onPath));

        Assert.Equal(onPath, location.Path);
    }

    [Fact]
    public void When_nothing_is_found_every_path_tried_is_named()
    {
        var app = Dir("app/bin");
        var path = Dir("path");

        var location = HelmLocator.Locate(null, null, app, path);

        Assert.False(location.IsFound);
        Assert.Contains(Path.Combine(app, ".tools", "bin", "helm"), location.Problem, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(path, "helm"), location.Problem, StringComparison.Ordinal);
        Assert.Contains("make tools", location.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_path_that_does_not_exist_is_reported_not_replaced()
    {
        Touch("app/.tools/bin/helm");
        var wrong = Path.Combine(sandbox, "nowhere", "helm");

        var location = HelmLocator.Locate(wrong, null, Dir("app/bin"), null);

        Assert.False(location.IsFound);
        Assert.Contains(wrong, location.Problem, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(sandbox, recursive: true);

    private string Touch(string relative)
    {
        var path = Path.Combine(sandbox, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Empty);
        return path;
    }

    private string Dir(string relative) => Directory.CreateDirectory(Path.Combine(sandbox, relative)).FullName;
}
