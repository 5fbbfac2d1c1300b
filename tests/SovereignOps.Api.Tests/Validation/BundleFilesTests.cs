using System.Text;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.Validation;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Tests.Validation;

public sealed class BundleFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sovereignops-bundle-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_folder_is_walked_recursively_for_yaml_and_json_files_in_ordinal_order()
    {
        Write("b.yaml", SampleYaml.Policy);
        Write("nested/a.yml", SampleYaml.Namespace);
        Write("nested/deeper/c.json", """{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "json-ns"}}""");
        Write("README.md", "not a bundle file");
        Write(".hidden/x.yaml", "kind: Broken");

        var errors = new List<ValidationError>();
        var files = BundleFiles.Expand([_root], errors);

        Assert.Empty(errors);
        Assert.Equal(["b.yaml", "nested/a.yml", "nested/deeper/c.json"], files.Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/')));
    }

    [Fact]
    public void A_file_named_twice_is_read_once_and_a_missing_path_is_an_error()
    {
        var file = Write("policy.txt", SampleYaml.Policy);
        var missing = Path.Combine(_root, "nope");

        var errors = new List<ValidationError>();
        var files = BundleFiles.Expand([file, _root + "/policy.txt", missing], errors);

        Assert.Equal([file], files);
        var error = Assert.Single(errors);
        Assert.Equal($"{missing}: no such file or folder", error.ToString());
    }

    [Fact]
    public void Objects_are_located_in_the_file_they_came_from()
    {
        Write("policy.yaml", SampleYaml.Policy);
        Write("tenant/profile.yaml", SampleYaml.Profile.Replace("country: TH", "country: th", StringComparison.Ordinal));

        var result = BundleLoader.Load([_root]);

        var error = Assert.Single(result.Errors);
        Assert.Equal((Path.Combine(_root, "tenant/profile.yaml"), 6, "spec.country"), (error.File, error.Line, error.FieldPath));
        Assert.Equal(2, result.Files);
    }

    [Fact]
    public void Errors_from_several_files_are_all_returned()
    {
        Write("a.yaml", "kind: Deployment\napiVersion: apps/v1\n");
        Write("b.yaml", "key: [unclosed\n");

        var result = BundleLoader.Load([_root]);

        Assert.Null(result.Bundle);
        Assert.Equal(["a.yaml", "b.yaml"], result.Errors.Select(e => Path.GetFileName(e.File)));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var builder = new StringBuilder(SampleYaml.Namespace).Append("\n  labels:\n");
        while (builder.Length <= YamlLimits.DefaultMaxInputBytes)
        {
            builder.Append("    k").Append(builder.Length).Append(": some-padding-value-to-make-the-document-large\n");
        }

        Write("huge.yaml", builder.ToString());

        var result = BundleLoader.Load([_root]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains($"larger than the limit of {YamlLimits.DefaultMaxInputBytes} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_with_their_line()
    {
        var bytes = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: caf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
        File.WriteAllBytes(Path.Combine(_root, "latin1.yaml"), bytes);

        var error = Assert.Single(BundleLoader.Load([_root]).Errors);

        Assert.Equal(4, error.Line);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
