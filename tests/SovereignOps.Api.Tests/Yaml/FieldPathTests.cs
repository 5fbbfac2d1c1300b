using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Tests.Yaml;

public class FieldPathTests
{
    [Fact]
    public void Builds_dotted_paths_with_indexes()
    {
        var path = FieldPath.Child(FieldPath.Index(FieldPath.Child(FieldPath.Child(FieldPath.Root, "spec"), "gpus"), 0), "name");

        Assert.Equal("spec.gpus[0].name", path);
    }

    [Theory]
    [InlineData("app.kubernetes.io/name", "metadata.labels[\"app.kubernetes.io/name\"]")]
    [InlineData("with space", "metadata.labels[\"with space\"]")]
    [InlineData("quote\"and\\slash", "metadata.labels[\"quote\\\"and\\\\slash\"]")]
    [InlineData("9lives", "metadata.labels[\"9lives\"]")]
    [InlineData("", "metadata.labels[\"\"]")]
    [InlineData("snake_case1", "metadata.labels.snake_case1")]
    public void Quotes_keys_that_are_not_identifiers(string key, string expected)
    {
        Assert.Equal(expected, FieldPath.Child("metadata.labels", key));
    }

    [Fact]
    public void A_non_identifier_key_at_the_root_is_quoted_without_a_leading_dot()
    {
        Assert.Equal("[\"a-b\"]", FieldPath.Child(FieldPath.Root, "a-b"));
        Assert.Equal("a", FieldPath.Child(FieldPath.Root, "a"));
    }

    [Theory]
    [InlineData("spec.gpus[0].name", "spec.gpus[0]")]
    [InlineData("spec.gpus[0]", "spec.gpus")]
    [InlineData("spec", "")]
    [InlineData("metadata.labels[\"a.b/c\"]", "metadata.labels")]
    [InlineData("metadata.labels[\"x\\\"]\"].y", "metadata.labels[\"x\\\"]\"]")]
    [InlineData("[\"a-b\"].c", "[\"a-b\"]")]
    [InlineData("[3]", "")]
    public void Parent_removes_the_last_segment(string path, string expected)
    {
        Assert.Equal(expected, FieldPath.Parent(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".spec")]
    [InlineData("spec..x")]
    [InlineData("spec[abc]")]
    [InlineData("spec[\"open")]
    public void Parent_of_the_root_or_of_malformed_text_is_null(string path)
    {
        Assert.Null(FieldPath.Parent(path));
    }
}
