using System.Globalization;

namespace SovereignOps.Operator.Tests.EndToEnd;

/// <summary>ModelDeployments written as YAML files, applied with kubectl like a user's own.</summary>
internal static class TestModels
{
    public static string Model(string ns, string name, string pool, string dataClass = "PersonalData", double parametersBillions = 8, int replicas = 1, int priority = 0) => $"""
        apiVersion: sovereignops.io/v1alpha1
        kind: ModelDeployment
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          model:
            name: {name}
            version: "1.0"
          parametersBillions: {parametersBillions.ToString(CultureInfo.InvariantCulture)}
          precision: bf16
          modalities: [text]
          weights:
            uri: pvc://model-weights/{name}/1.0
          runtime:
            engine: vllm
          contextLength: 8192
          maxConcurrentSequences: 8
          dataClass: {dataClass}
          gpuPoolRef:
            name: {pool}
          replicas: {replicas}
          priority: {priority}
        """;

    /// <summary>Writes the documents to a temporary file and returns its path.</summary>
    public static string Write(params string[] documents)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sovereignops-e2e-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, string.Join("\n---\n", documents));
        return path;
    }
}
