using SovereignOps.Api.V1Alpha1;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>
/// One chart render of a profile and what its objects are held to by the guard: the GPU pool their
/// pods belong on and the data classes they handle.
/// </summary>
/// <param name="Subject">What is rendered, for messages, e.g. <c>ModelDeployment th-national-ai/siam-omni</c>.</param>
public sealed record RenderUnit(string Subject, IChartValues Values, GpuPool? Pool, IReadOnlyList<string> DataClasses);
