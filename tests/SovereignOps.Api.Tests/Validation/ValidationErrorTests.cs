using SovereignOps.Api.Validation;

namespace SovereignOps.Api.Tests.Validation;

public sealed class ValidationErrorTests
{
    [Fact]
    public void Errors_render_as_file_line_path_message()
    {
        Assert.Equal("pools.yaml:7: spec.region: bad", new ValidationError("pools.yaml", 7, 3, "spec.region", "bad").ToString());
        Assert.Equal("pools.yaml:7: bad", new ValidationError("pools.yaml", 7, null, "", "bad").ToString());
        Assert.Equal("GpuPool/a: spec.region: bad", new ValidationError("GpuPool/a", 0, null, "spec.region", "bad").ToString());
    }

    [Fact]
    public void Source_order_sorts_by_file_then_line_then_column()
    {
        ValidationError[] errors =
        [
            new("b.yaml", 1, null, "", "x"),
            new("a.yaml", 10, 1, "", "x"),
            new("a.yaml", 2, 5, "", "x"),
            new("a.yaml", 2, 1, "", "x"),
        ];

        var sorted = errors.Order(ValidationError.SourceOrder).Select(e => $"{e.File}:{e.Line}:{e.Column}");

        Assert.Equal(["a.yaml:2:1", "a.yaml:2:5", "a.yaml:10:1", "b.yaml:1:"], sorted);
    }
}
