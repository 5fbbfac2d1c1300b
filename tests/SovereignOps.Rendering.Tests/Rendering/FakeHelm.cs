namespace SovereignOps.Rendering.Tests.Rendering;

/// <summary>A shell script standing in for helm, to provoke failures the real helm will not produce on demand.</summary>
internal sealed class FakeHelm : IDisposable
{
    private readonly string directory;

    private FakeHelm(string directory, string path)
    {
        this.directory = directory;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Script lines that print one small ConfigMap the way helm template prints objects.</summary>
    public const string PrintConfigMap = """
        cat <<'MANIFEST'
        ---
        # Source: fake/templates/configmap.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: fake
          namespace: default
        data:
          key: value
        MANIFEST
        """;

    public static FakeHelm Script(string body)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sovereignops-fake-helm-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "helm");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new FakeHelm(directory, path);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
