namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The sizing rules of a Deployment rollout, as pure functions over replica counts (the controller-manager's
/// deployment util): how far the new ReplicaSet may grow, how many old pods may go, and proportional scaling
/// when the Deployment is resized mid-rollout.
/// </summary>
public static class RolloutArithmetic
{
    /// <summary>The new ReplicaSet's next size: toward the desired count, never above desired + maxSurge pods in total.</summary>
    public static int NewReplicaSetSize(int desired, int maxSurge, int totalReplicas, int newReplicas)
    {
        var maxTotal = desired + maxSurge;
        if (totalReplicas >= maxTotal)
        {
            return newReplicas;
        }

        return newReplicas + Math.Min(maxTotal - totalReplicas, desired - newReplicas);
    }

    /// <summary>
    /// How many old replicas may be removed now without going below desired - maxUnavailable available pods,
    /// counting the new ReplicaSet's not-yet-available pods as unavailable.
    /// </summary>
    public static int MaxScaledDown(int desired, int maxUnavailable, int totalReplicas, int newReplicas, int newAvailable) =>
        totalReplicas - (desired - maxUnavailable) - (newReplicas - newAvailable);

    /// <summary>
    /// Old ReplicaSets that are scaled down, oldest first: first their unavailable replicas (up to
    /// <paramref name="maxScaledDown"/>), then available ones while more than desired - maxUnavailable remain available.
    /// Returns the new sizes, by position in <paramref name="oldest"/>.
    /// </summary>
    public static int[] ScaleDownOld(IReadOnlyList<(int Replicas, int Available)> oldest, int maxScaledDown, int desired, int maxUnavailable, int allAvailable)
    {
        var sizes = oldest.Select(o => o.Replicas).ToArray();
        if (maxScaledDown <= 0)
        {
            return sizes;
        }

        var cleaned = 0;
        for (var i = 0; i < sizes.Length && cleaned < maxScaledDown; i++)
        {
            var unhealthy = sizes[i] - oldest[i].Available;
            if (sizes[i] == 0 || unhealthy <= 0)
            {
                continue;
            }

            var down = Math.Min(maxScaledDown - cleaned, unhealthy);
            sizes[i] -= down;
            cleaned += down;
        }

        var minAvailable = desired - maxUnavailable;
        if (allAvailable <= minAvailable)
        {
            return sizes;
        }

        var budget = allAvailable - minAvailable;
        for (var i = 0; i < sizes.Length && budget > 0; i++)
        {
            var down = Math.Min(sizes[i], budget);
            sizes[i] -= down;
            budget -= down;
        }

        return sizes;
    }

    /// <summary>
    /// Proportional scaling: spreads <c>allowed - current</c> replicas over the active ReplicaSets by their share
    /// of the size the Deployment had when each was last scaled (its max-replicas annotation), the rounding
    /// leftover going to the first (largest) one. The input must be ordered largest first (newer first when
    /// growing, older first when shrinking).
    /// </summary>
    public static int[] Proportional(IReadOnlyList<(int Replicas, int AnnotatedMax)> ordered, int desired, int maxSurge, int statusReplicas)
    {
        var allowed = desired > 0 ? desired + maxSurge : 0;
        var toAdd = allowed - ordered.Sum(r => r.Replicas);
        var sizes = ordered.Select(r => r.Replicas).ToArray();
        if (toAdd == 0)
        {
            return sizes;
        }

        var added = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var (replicas, annotatedMax) = ordered[i];
            if (replicas == 0 || toAdd == added)
            {
                continue;
            }

            var fraction = Fraction(replicas, annotatedMax, desired, allowed, statusReplicas);
            var remaining = toAdd - added;
            var share = toAdd > 0 ? Math.Min(fraction, remaining) : Math.Max(fraction, remaining);
            sizes[i] += share;
            added += share;
        }

        sizes[0] = Math.Max(0, sizes[0] + (toAdd - added));
        return sizes;
    }

    private static int Fraction(int replicas, int annotatedMax, int desired, int allowed, int statusReplicas)
    {
        if (desired == 0)
        {
            return -replicas;
        }

        var before = annotatedMax > 0 ? annotatedMax : statusReplicas;
        return before == 0 ? 0 : (int)Math.Round((double)replicas * allowed / before, MidpointRounding.AwayFromZero) - replicas;
    }
}
