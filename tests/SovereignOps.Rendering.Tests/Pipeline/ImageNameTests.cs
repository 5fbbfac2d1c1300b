using SovereignOps.Rendering.Pipeline;

namespace SovereignOps.Rendering.Tests.Pipeline;

public sealed class ImageNameTests
{
    private const string Mirror = "registry.ai.go.th/sovereign";

    [Theory]
    [InlineData("docker.io/vllm/vllm-openai:v0.11.0", "registry.ai.go.th/sovereign/vllm/vllm-openai:v0.11.0")]
    [InlineData("vllm/vllm-openai:v0.11.0", "registry.ai.go.th/sovereign/vllm/vllm-openai:v0.11.0")]
    [InlineData("busybox", "registry.ai.go.th/sovereign/busybox")]
    [InlineData("nvcr.io/nvidia/tritonserver:25.01-py3", "registry.ai.go.th/sovereign/nvidia/tritonserver:25.01-py3")]
    [InlineData("localhost:5000/team/app:1", "registry.ai.go.th/sovereign/team/app:1")]
    [InlineData("registry.ai.go.th/other/app:1", "registry.ai.go.th/sovereign/other/app:1")]
    [InlineData("registry.ai.go.th/sovereign/models/siam-omni:2.1", "registry.ai.go.th/sovereign/models/siam-omni:2.1")]
    [InlineData("registry.ai.go.th/sovereign-evil/app:1", "registry.ai.go.th/sovereign/sovereign-evil/app:1")]
    [InlineData(
        "ghcr.io/vendor/app@sha256:6f1d2c0b9a7e4d3c8b5a6f7e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c",
        "registry.ai.go.th/sovereign/vendor/app@sha256:6f1d2c0b9a7e4d3c8b5a6f7e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c")]
    public void The_registry_host_is_replaced_and_the_path_kept(string image, string expected)
    {
        Assert.Equal(expected, MirrorImages.Rewrite(image, Mirror));
    }

    [Fact]
    public void A_mirror_with_a_port_keeps_it()
    {
        Assert.Equal("harbor.kpaia.go.kr:5443/sovereign/vendor/app:1", MirrorImages.Rewrite("quay.io/vendor/app:1", "harbor.kpaia.go.kr:5443/sovereign"));
    }

    [Fact]
    public void A_registry_port_is_not_taken_for_a_tag()
    {
        var name = ImageName.Parse("harbor.local:5443/team/app");

        Assert.Equal(("harbor.local:5443", "team/app", string.Empty), (name.Host, name.Path, name.Tag));
    }

    [Theory]
    [InlineData("SensitivePersonalData", "sensitive-personal-data")]
    [InlineData("TopSecret", "top-secret")]
    [InlineData("Public", "public")]
    [InlineData("PublicServices", "public-services")]
    [InlineData("HTTPGateway", "http-gateway")]
    public void API_names_become_label_values(string name, string expected) => Assert.Equal(expected, LabelValue.Kebab(name));
}
