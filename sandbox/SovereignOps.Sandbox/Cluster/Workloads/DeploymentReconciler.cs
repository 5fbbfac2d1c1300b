using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The Deployment controller: one ReplicaSet per pod template (named by its pod-template-hash), rolled out by
/// the RollingUpdate or Recreate strategy, resized proportionally when the Deployment is scaled mid-rollout,
/// paused on request, old ReplicaSets pruned to revisionHistoryLimit, and a status with the Available and
/// Progressing conditions a real cluster reports.
/// </summary>
internal sealed class DeploymentReconciler(WorkloadContext context) : IWorkloadReconciler
{
    public WorkloadKind Kind => WorkloadKind.Deployment;

    public DateTimeOffset? Reconcile(string ns, string name)
    {
        var stored = context.Cache.Deployments.Get(ns, name);
        if (stored is null)
        {
            return null;
        }

        var pass = new DeploymentPass(context, stored);
        return pass.Run();
    }

    /// <summary>One reconcile of one Deployment; holds the working status the steps edit before it is written once.</summary>
    private sealed class DeploymentPass
    {
        private readonly WorkloadContext _context;
        private readonly StoredObject _stored;
        private readonly JsonObject _deployment;
        private readonly JsonObject _spec;
        private readonly JsonObject _storedStatus;
        private readonly JsonObject _status;
        private readonly int _desired;
        private readonly RollingUpdateBounds _bounds;
        private readonly DateTimeOffset _now;
        private string? _revision;

        public DeploymentPass(WorkloadContext context, StoredObject stored)
        {
            _context = context;
            _stored = stored;
            _deployment = stored.ToJsonObject();
            _spec = _deployment["spec"] as JsonObject ?? [];
            _storedStatus = _deployment["status"] as JsonObject ?? [];
            _status = (JsonObject)_storedStatus.DeepClone();
            _desired = (int)(_spec.GetLong("replicas") ?? 1);
            _bounds = RollingUpdateBounds.For(_spec, _desired);
            _now = context.Now;
        }

        private string Namespace => _stored.Namespace;

        private bool Paused => _spec["paused"] is JsonValue p && p.TryGetValue<bool>(out var paused) && paused;

        private bool Recreate => _spec.At("strategy.type")?.ToString() == "Recreate";

        public DateTimeOffset? Run()
        {
            var owned = Ownership.Claim(_context, _context.Cache.ReplicaSets, ClusterCache.ReplicaSetsResource, r => r, _stored, "apps/v1", "Deployment");
            var all = owned.Select(ReplicaSetState.From).OrderBy(r => r, Comparer<ReplicaSetState>.Create(ReplicaSetState.ByAge)).ToList();
            if (_stored.IsDeleting)
            {
                return SyncStatusOnly(all);
            }

            CheckPausedCondition();
            if (Paused || IsScalingEvent(all))
            {
                var newRs = FindNewReplicaSet(all, create: false);
                Scale(newRs, all.Where(r => r != newRs).ToList());
                if (Paused)
                {
                    CleanupOld(all.Where(r => r != newRs).ToList());
                }

                return WriteStatus(all, newRs, rollout: false);
            }

            return Recreate ? RolloutRecreate(all) : RolloutRolling(all);
        }

        private DateTimeOffset? SyncStatusOnly(List<ReplicaSetState> all)
        {
            var newRs = all.FirstOrDefault(IsNewTemplate);
            return WriteStatus(all, newRs, rollout: false);
        }

        private DateTimeOffset? RolloutRolling(List<ReplicaSetState> all)
        {
            var newRs = FindNewReplicaSet(all, create: true);
            if (newRs is not null && !all.Contains(newRs))
            {
                all.Add(newRs);
            }

            var old = all.Where(r => r != newRs).ToList();
            var scaledUp = newRs is not null && ReconcileNewReplicaSet(all, newRs);
            if (!scaledUp && newRs is not null)
            {
                ReconcileOldReplicaSets(all, old, newRs);
            }

            if (DeploymentStatusCalculator.Complete(_deployment, _storedStatus))
            {
                CleanupOld(old);
            }

            return WriteStatus(all, newRs, rollout: true);
        }

        private DateTimeOffset? RolloutRecreate(List<ReplicaSetState> all)
        {
            var newRs = FindNewReplicaSet(all, create: false);
            var old = all.Where(r => r != newRs).ToList();
            var scaledDown = false;
            foreach (var rs in old.Where(r => r.Replicas > 0))
            {
                ScaleReplicaSet(rs, 0);
                scaledDown = true;
            }

            if (scaledDown || OldPodsRunning(old))
            {
                return WriteStatus(all, newRs, rollout: true);
            }

            if (newRs is null)
            {
                newRs = FindNewReplicaSet(all, create: true);
                if (newRs is not null)
                {
                    all.Add(newRs);
                }
            }

            if (newRs is not null && newRs.Replicas != _desired)
            {
                ScaleReplicaSet(newRs, _desired);
            }

            if (DeploymentStatusCalculator.Complete(_deployment, _storedStatus))
            {
                CleanupOld(old);
            }

            return WriteStatus(all, newRs, rollout: true);
        }

        private bool OldPodsRunning(List<ReplicaSetState> old)
        {
            if (old.Sum(r => r.StatusReplicas) > 0)
            {
                return true;
            }

            return old.Any(rs => _context.Cache.Pods.OwnedBy(rs.Stored.Uid).Any(p => !p.Terminal));
        }

        private bool ReconcileNewReplicaSet(List<ReplicaSetState> all, ReplicaSetState newRs)
        {
            if (newRs.Replicas == _desired)
            {
                return false;
            }

            if (newRs.Replicas > _desired)
            {
                ScaleReplicaSet(newRs, _desired);
                return true;
            }

            var size = RolloutArithmetic.NewReplicaSetSize(_desired, _bounds.MaxSurge, all.Sum(r => r.Replicas), newRs.Replicas);
            if (size == newRs.Replicas)
            {
                return false;
            }

            ScaleReplicaSet(newRs, size);
            return true;
        }

        private void ReconcileOldReplicaSets(List<ReplicaSetState> all, List<ReplicaSetState> old, ReplicaSetState newRs)
        {
            var active = old.Where(r => r.Replicas > 0).ToList();
            if (active.Count == 0)
            {
                return;
            }

            var maxScaledDown = RolloutArithmetic.MaxScaledDown(_desired, _bounds.MaxUnavailable, all.Sum(r => r.Replicas), newRs.Replicas, newRs.AvailableReplicas);
            var sizes = RolloutArithmetic.ScaleDownOld(
                [.. active.Select(r => (r.Replicas, r.AvailableReplicas))], maxScaledDown, _desired, _bounds.MaxUnavailable, all.Sum(r => r.AvailableReplicas));
            for (var i = 0; i < active.Count; i++)
            {
                if (sizes[i] != active[i].Replicas)
                {
                    ScaleReplicaSet(active[i], sizes[i]);
                }
            }
        }

        /// <summary>
        /// Resizes without rolling: the only active ReplicaSet (or the newest, when none is active) takes the new
        /// count; a saturated new ReplicaSet retires the old ones; otherwise all active ones share the change
        /// proportionally (RollingUpdate only).
        /// </summary>
        private void Scale(ReplicaSetState? newRs, List<ReplicaSetState> old)
        {
            var active = old.Where(r => r.Replicas > 0).ToList();
            if (newRs is { Replicas: > 0 })
            {
                active.Add(newRs);
            }

            if (active.Count <= 1)
            {
                var target = active.FirstOrDefault() ?? newRs ?? old.OrderByDescending(r => r, Comparer<ReplicaSetState>.Create(ReplicaSetState.ByAge)).FirstOrDefault();
                if (target is not null && target.Replicas != _desired)
                {
                    ScaleReplicaSet(target, _desired);
                }

                return;
            }

            if (newRs is not null && newRs.Replicas == _desired && newRs.AvailableReplicas == _desired
                && ParseInt(newRs.Annotations.GetValueOrDefault(DeploymentAnnotations.DesiredReplicas)) == _desired)
            {
                foreach (var rs in active.Where(r => r != newRs))
                {
                    ScaleReplicaSet(rs, 0);
                }

                return;
            }

            if (Recreate)
            {
                return;
            }

            var allowed = _desired > 0 ? _desired + _bounds.MaxSurge : 0;
            var growing = allowed - active.Sum(r => r.Replicas) > 0;
            var ordered = active.OrderByDescending(r => r.Replicas)
                .ThenBy(r => r, Comparer<ReplicaSetState>.Create((a, b) => growing ? ReplicaSetState.ByAge(b, a) : ReplicaSetState.ByAge(a, b)))
                .ToList();
            var sizes = RolloutArithmetic.Proportional(
                [.. ordered.Select(r => (r.Replicas, ParseInt(r.Annotations.GetValueOrDefault(DeploymentAnnotations.MaxReplicas))))],
                _desired, _bounds.MaxSurge, (int)(_storedStatus.GetLong("replicas") ?? 0));
            for (var i = 0; i < ordered.Count; i++)
            {
                ScaleReplicaSet(ordered[i], sizes[i]);
            }
        }

        /// <summary>A resize, not a template change: an active ReplicaSet recorded a different desired count.</summary>
        private bool IsScalingEvent(List<ReplicaSetState> all)
        {
            return all.Where(r => r.Replicas > 0)
                .Any(r => r.Annotations.TryGetValue(DeploymentAnnotations.DesiredReplicas, out var desired) && ParseInt(desired) != _desired);
        }

        private void CheckPausedCondition()
        {
            if (!DeploymentStatusCalculator.HasProgressDeadline(_deployment))
            {
                return;
            }

            var condition = DeploymentConditions.Get(_status, DeploymentConditions.Progressing);
            var reason = condition?.GetString("reason");
            if (reason == DeploymentConditions.ProgressDeadlineExceeded)
            {
                return;
            }

            if (Paused && reason != DeploymentConditions.DeploymentPaused)
            {
                DeploymentConditions.Set(_status, DeploymentConditions.New(DeploymentConditions.Progressing, "Unknown", DeploymentConditions.DeploymentPaused, "Deployment is paused", _now));
            }
            else if (!Paused && reason == DeploymentConditions.DeploymentPaused)
            {
                DeploymentConditions.Set(_status, DeploymentConditions.New(DeploymentConditions.Progressing, "Unknown", DeploymentConditions.DeploymentResumed, "Deployment is resumed", _now));
            }
        }

        private bool IsNewTemplate(ReplicaSetState rs) => JsonNode.DeepEquals(rs.TemplateWithoutHash, _spec["template"]);

        /// <summary>
        /// The ReplicaSet running the current template (the oldest if several), its annotations brought up to
        /// date; created when missing and <paramref name="create"/> is set. Records the revision for the Deployment.
        /// </summary>
        private ReplicaSetState? FindNewReplicaSet(List<ReplicaSetState> all, bool create)
        {
            var existing = all.FirstOrDefault(IsNewTemplate);
            var old = all.Where(r => r != existing).ToList();
            var newRevision = (old.Count == 0 ? 0 : old.Max(r => r.Revision)) + 1;
            if (existing is not null)
            {
                return SyncExisting(existing, newRevision);
            }

            return create ? CreateNewReplicaSet(old, newRevision) : null;
        }

        private ReplicaSetState SyncExisting(ReplicaSetState existing, long newRevision)
        {
            var minReadySeconds = (int)(_spec.GetLong("minReadySeconds") ?? 0);
            var updated = existing;
            _context.Writer.Update(ClusterCache.ReplicaSetsResource, Namespace, existing.Name, rs =>
            {
                if (rs.Metadata().GetString("uid") != existing.Stored.Uid)
                {
                    return false;
                }

                var changed = DeploymentAnnotations.ApplyToNewReplicaSet(_deployment.Metadata(), rs.Metadata(), newRevision, exists: true, 0, 0);
                var current = rs.At("spec.minReadySeconds") is JsonValue m && m.TryGetValue<long>(out var value) ? value : 0;
                if (current != minReadySeconds && rs["spec"] is JsonObject rsSpec)
                {
                    rsSpec["minReadySeconds"] = minReadySeconds;
                    changed = true;
                }

                return changed;
            });
            if (_context.Cache.ReplicaSets.Get(Namespace, existing.Name) is { } fresh && fresh.ResourceVersion != existing.Stored.ResourceVersion)
            {
                updated = ReplicaSetState.From(fresh);
                updated.Replicas = existing.Replicas;
            }

            _revision = updated.Annotations.GetValueOrDefault(DeploymentAnnotations.Revision);
            if (DeploymentStatusCalculator.HasProgressDeadline(_deployment) && DeploymentConditions.Get(_status, DeploymentConditions.Progressing) is null)
            {
                DeploymentConditions.Set(_status, DeploymentConditions.New(
                    DeploymentConditions.Progressing, "True", DeploymentConditions.FoundNewReplicaSet, $"Found new replica set \"{existing.Name}\"", _now));
            }

            return updated;
        }

        private ReplicaSetState? CreateNewReplicaSet(List<ReplicaSetState> old, long newRevision)
        {
            var collisionCount = _status.GetLong("collisionCount") ?? 0;
            var template = (JsonObject)(_spec["template"]?.DeepClone() ?? new JsonObject());
            var hash = PodTemplateHash.Compute(_spec["template"], collisionCount);
            var templateMetadata = template["metadata"] as JsonObject ?? [];
            template["metadata"] = templateMetadata;
            var labels = templateMetadata["labels"] as JsonObject ?? [];
            labels[DeploymentAnnotations.PodTemplateHashLabel] = hash;
            templateMetadata["labels"] = labels;
            var selector = (JsonObject)(_spec["selector"]?.DeepClone() ?? new JsonObject());
            var matchLabels = selector["matchLabels"] as JsonObject ?? [];
            matchLabels[DeploymentAnnotations.PodTemplateHashLabel] = hash;
            selector["matchLabels"] = matchLabels;
            var name = $"{_stored.Name}-{hash}";
            var size = Recreate ? _desired : RolloutArithmetic.NewReplicaSetSize(_desired, _bounds.MaxSurge, old.Sum(r => r.Replicas), 0);
            var metadata = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = Namespace,
                ["labels"] = labels.DeepClone(),
                ["ownerReferences"] = new JsonArray(Ownership.ControllerReference("apps/v1", "Deployment", _stored)),
            };
            DeploymentAnnotations.ApplyToNewReplicaSet(_deployment.Metadata(), metadata, newRevision, exists: false, _desired, _desired + _bounds.MaxSurge);
            var spec = new JsonObject { ["replicas"] = size };
            if (_spec.GetLong("minReadySeconds") is { } minReady and not 0)
            {
                spec["minReadySeconds"] = minReady;
            }

            spec["selector"] = selector;
            spec["template"] = template;
            var created = _context.Writer.Create(ClusterCache.ReplicaSetsResource, Namespace, new JsonObject
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "ReplicaSet",
                ["metadata"] = metadata,
                ["spec"] = spec,
            });
            if (!created.Succeeded)
            {
                if (created.Error.Reason == "AlreadyExists")
                {
                    // The name is taken by a ReplicaSet with another template: a hash collision. The count goes
                    // into the status this pass writes, so the next pass hashes differently.
                    _status["collisionCount"] = collisionCount + 1;
                }

                return null;
            }

            _revision = newRevision.ToString(CultureInfo.InvariantCulture);
            if (DeploymentStatusCalculator.HasProgressDeadline(_deployment))
            {
                DeploymentConditions.Set(_status, DeploymentConditions.New(
                    DeploymentConditions.Progressing, "True", DeploymentConditions.NewReplicaSetCreated, $"Created new replica set \"{name}\"", _now));
            }

            return ReplicaSetState.From(created.Value);
        }

        private void ScaleReplicaSet(ReplicaSetState rs, int size)
        {
            var desired = _desired;
            var max = _desired + _bounds.MaxSurge;
            _context.Writer.Update(ClusterCache.ReplicaSetsResource, Namespace, rs.Name, obj =>
            {
                if (obj.Metadata().GetString("uid") != rs.Stored.Uid)
                {
                    return false;
                }

                var spec = obj["spec"] as JsonObject ?? [];
                obj["spec"] = spec;
                var changed = spec.GetLong("replicas") != size;
                spec["replicas"] = size;
                var annotations = obj.Metadata()["annotations"] as JsonObject ?? [];
                if (DeploymentAnnotations.SetReplicas(annotations, desired, max))
                {
                    obj.Metadata()["annotations"] = annotations;
                    changed = true;
                }

                return changed;
            });
            rs.Replicas = size;
        }

        /// <summary>Deletes the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit.</summary>
        private void CleanupOld(List<ReplicaSetState> old)
        {
            if (_spec.GetLong("revisionHistoryLimit") is not { } limit)
            {
                return;
            }

            var alive = old.Where(r => !r.Stored.IsDeleting).OrderBy(r => r.Revision).ThenBy(r => r, Comparer<ReplicaSetState>.Create(ReplicaSetState.ByAge)).ToList();
            var excess = alive.Count - limit;
            for (var i = 0; i < excess; i++)
            {
                var rs = alive[i];
                if (rs.StatusReplicas != 0 || rs.Replicas != 0 || rs.Generation > rs.ObservedGeneration)
                {
                    continue;
                }

                _context.Writer.Delete(ClusterCache.ReplicaSetsResource, Namespace, rs.Name, rs.Stored.Uid);
            }
        }

        /// <summary>
        /// Computes the status from the ReplicaSets, settles the Progressing condition when rolling out, records
        /// the revision on the Deployment, and writes what changed. Returns when to check the deadline again.
        /// </summary>
        private DateTimeOffset? WriteStatus(List<ReplicaSetState> all, ReplicaSetState? newRs, bool rollout)
        {
            if (newRs is not null && !all.Contains(newRs))
            {
                all.Add(newRs);
            }

            var next = DeploymentStatusCalculator.Calculate(_deployment, all, newRs, _status, _now);
            if (rollout)
            {
                SettleProgressing(next, newRs);
            }

            if (_revision is { } revision)
            {
                RecordRevision(revision);
            }

            StatusWrite.IfChanged(_context, ClusterCache.DeploymentsResource, Namespace, _stored.Name, _stored.Uid, next);
            return rollout ? DeploymentStatusCalculator.DeadlineCheck(_deployment, next) : null;
        }

        private void SettleProgressing(JsonObject next, ReplicaSetState? newRs)
        {
            if (!DeploymentStatusCalculator.HasProgressDeadline(_deployment))
            {
                DeploymentConditions.Remove(next, DeploymentConditions.Progressing);
                return;
            }

            var current = DeploymentConditions.Get(_status, DeploymentConditions.Progressing);
            var finished = (next.GetLong("replicas") ?? 0) == (next.GetLong("updatedReplicas") ?? 0)
                && current?.GetString("reason") == DeploymentConditions.NewReplicaSetAvailable;
            if (finished)
            {
                return;
            }

            if (DeploymentStatusCalculator.Complete(_deployment, next))
            {
                var message = newRs is null ? $"Deployment \"{_stored.Name}\" has successfully progressed." : $"ReplicaSet \"{newRs.Name}\" has successfully progressed.";
                DeploymentConditions.Set(next, DeploymentConditions.New(DeploymentConditions.Progressing, "True", DeploymentConditions.NewReplicaSetAvailable, message, _now));
            }
            else if (DeploymentStatusCalculator.Progressing(_storedStatus, next))
            {
                var message = newRs is null ? $"Deployment \"{_stored.Name}\" is progressing." : $"ReplicaSet \"{newRs.Name}\" is progressing.";
                var condition = DeploymentConditions.New(DeploymentConditions.Progressing, "True", DeploymentConditions.ReplicaSetUpdated, message, _now);
                if (current is not null)
                {
                    // Progress refreshes lastUpdateTime even when the reason stays the same.
                    if (current.GetString("status") == "True")
                    {
                        condition["lastTransitionTime"] = current["lastTransitionTime"]?.DeepClone();
                    }

                    DeploymentConditions.Remove(next, DeploymentConditions.Progressing);
                }

                DeploymentConditions.Set(next, condition);
            }
            else if (DeploymentStatusCalculator.TimedOut(_deployment, next, _now))
            {
                var message = newRs is null ? $"Deployment \"{_stored.Name}\" has timed out progressing." : $"ReplicaSet \"{newRs.Name}\" has timed out progressing.";
                DeploymentConditions.Set(next, DeploymentConditions.New(DeploymentConditions.Progressing, "False", DeploymentConditions.ProgressDeadlineExceeded, message, _now));
            }
        }

        /// <summary>The Deployment carries the revision of its newest ReplicaSet.</summary>
        private void RecordRevision(string revision) =>
            _context.Writer.Update(ClusterCache.DeploymentsResource, Namespace, _stored.Name, obj =>
            {
                var metadata = obj.Metadata();
                if (metadata.GetString("uid") != _stored.Uid)
                {
                    return false;
                }

                var annotations = metadata["annotations"] as JsonObject ?? [];
                if (annotations.GetString(DeploymentAnnotations.Revision) == revision)
                {
                    return false;
                }

                annotations[DeploymentAnnotations.Revision] = revision;
                metadata["annotations"] = annotations;
                return true;
            });

        private static int ParseInt(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
