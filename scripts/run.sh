#!/usr/bin/env bash
# make run: start the embedded sandbox with the example countries' GPU nodes, start the operator
# against it over HTTPS with a kubeconfig (as against any cluster), apply the three countries as
# folders with the pinned kubectl, wait until every resource is Ready or has settled with a reason,
# and print per country what runs where. KEEP=1 leaves the sandbox and the operator running.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
ctl="$root/bin/sovereignctl"
operator="$root/bin/sovereign-operator"
kubectl="$root/.tools/bin/kubectl"
countries=(thailand saudi-arabia korea)
state="$root/.sovereign"
kubeconfig="$state/sandbox.kubeconfig"
metrics_port="${METRICS_PORT:-18080}"
settle_timeout="${SETTLE_TIMEOUT:-180}"
mkdir -p "$state"
started=$(date +%s)

section() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
# A discovery cache of its own: an earlier sandbox on the same port must not answer for this one.
k() { "$kubectl" --kubeconfig "$kubeconfig" --cache-dir "$state/kubectl-cache" "$@"; }

section "validate"
"$ctl" validate "${countries[@]/#/examples/}"

section "sandbox"
rm -rf "$kubeconfig" "$state/kubectl-cache"
node_args=()
for country in "${countries[@]}"; do node_args+=(--nodes "examples/$country/nodes.yaml"); done
"$ctl" sandbox --kubeconfig "$kubeconfig" "${node_args[@]}" >"$state/sandbox.log" 2>&1 &
sandbox_pid=$!
operator_pid=""
cleanup() {
  [ -n "$operator_pid" ] && kill "$operator_pid" 2>/dev/null || true
  kill "$sandbox_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  [ -s "$kubeconfig" ] && k get --raw /version >/dev/null 2>&1 && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$state/sandbox.log"; echo "sandbox exited" >&2; exit 1; }
  sleep 0.1
done
head -1 "$state/sandbox.log"

section "operator"
"$operator" --kubeconfig "$kubeconfig" --metrics-port "$metrics_port" >"$state/operator.log" 2>&1 &
operator_pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$metrics_port/readyz" >/dev/null 2>&1 && break
  kill -0 "$operator_pid" 2>/dev/null || { cat "$state/operator.log"; echo "operator exited" >&2; exit 1; }
  sleep 0.2
done
curl -sf "http://127.0.0.1:$metrics_port/readyz" >/dev/null || { tail -20 "$state/operator.log"; echo "operator not ready" >&2; exit 1; }
k wait --for=condition=Established crd --all --timeout=60s >/dev/null
echo "sovereign-operator ready (CRDs installed and established, caches synced); log: $state/operator.log, metrics: http://127.0.0.1:$metrics_port/metrics"

for country in "${countries[@]}"; do
  section "apply: $country"
  # nodes.yaml is part of each country folder; the sandbox loaded those nodes already, so kubectl's
  # note about adopting them and their unchanged lines are left out
  k apply -f "examples/$country/" 2> >(grep -v 'last-applied-configuration' >&2) | grep -v '^node/' || true
done

section "waiting for the operator to settle"
# Settled: every custom resource's status observed at its current generation with a Ready condition,
# and that condition True or False with a reason that does not change for 3 polls in a row.
settled_query='[.items[] | select(.metadata.deletionTimestamp == null)
  | (.status.conditions // [] | map(select(.type == "Ready")) | first) as $ready
  | select(.status.observedGeneration != .metadata.generation or $ready == null or $ready.status == "Unknown")] | length'
fingerprint_query='[.items[] | [.kind, .metadata.name, (.status.conditions // [] | map(select(.type == "Ready")) | first | .status, .reason)]]'
last=""; same=0; waited=0
while :; do
  json="$(k get sovereign -A -o json)"
  pending=$(jq "$settled_query" <<<"$json")
  now=$(jq -c "$fingerprint_query" <<<"$json")
  if [ "$pending" = "0" ] && [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; fi
  last="$now"
  [ "$same" -ge 3 ] && break
  if [ "$waited" -ge "$settle_timeout" ]; then echo "not settled after ${settle_timeout} s; showing the state as it is" >&2; break; fi
  sleep 1; waited=$((waited + 1))
done
echo "settled after $(( $(date +%s) - started )) s"

summary() {
  local ns="$1" profile="$2"
  k get sovereignprofile "$profile" -o json | jq -r '
    "\(.spec.customer) (\(.spec.country)), namespace \(.spec.tenantNamespace), policy \(.spec.residencyPolicyRef.name)",
    (.status.conditions // [] | map(select(.type == "ResidencyCompliant" or .type == "Ready"))[] | "  \(.type): \(.status) (\(.reason)) \(.message)")'
  echo "  models:"
  k get modeldeployment -n "$ns" -o json | jq -r '.items[] | (.status.conditions // [] | map(select(.type == "Ready")) | first) as $r |
    "    \(.metadata.name): Ready=\($r.status) \($r.reason), replicas \(.status.readyReplicas // 0)/\(.status.replicas // .spec.replicas), \(.status.gpusPerReplica // "-") GPU/replica (\(.status.memory.totalGiB // "?") GiB) on \(.status.pool // "-"), regions [\(.status.placement.regions // [] | join(", "))], nodes [\(.status.placement.nodes // [] | join(", "))]" +
    (if $r.status != "True" and $r.reason != "Progressing" then "\n      \($r.message)" else "" end)'
  echo "  agents:"
  k get agentcatalog -n "$ns" -o json | jq -r '.items[] | .metadata.name as $c | .status.agents // [] | .[] |
    "    \($c)/\(.name): \(.state)\(if .model then " → \(.model)" else "" end)\(if .message then " (\(.message))" else "" end)"'
  echo "  pools:"
  k get gpupool -o json | jq -r --arg p "$profile" '.items[] | select(.spec.profileRef.name == $p) | (.status.conditions // [] | map(select(.type == "Ready")) | first) as $r |
    "    \(.metadata.name) (\(.spec.gpu.model), \(.spec.region)): \(.status.allocatedGpus // 0)/\(.status.capacityGpus // 0) GPUs allocated, \(.status.freeGpus // 0) free, \(.status.readyNodes // 0)/\(.status.nodes // 0) nodes ready, Ready=\($r.status)"'
}

for country in "${countries[@]}"; do
  profile="$(k get -f "examples/$country/20-profile.yaml" -o jsonpath='{.metadata.name}')"
  ns="$(k get -f "examples/$country/20-profile.yaml" -o jsonpath='{.spec.tenantNamespace}')"
  section "$country"
  summary "$ns" "$profile"
done

section "what is where"
k get sovereign -A
writes=$(curl -sf "http://127.0.0.1:$metrics_port/metrics" | awk '/^sovereignops_api_requests_total/ && !/verb="(get|list|watch)"/ {s += $NF} END {print s + 0}')
echo
echo "operator API writes so far: $writes (a settled operator adds none)"
echo "done in $(( $(date +%s) - started )) s. kubeconfig: $kubeconfig"
echo "explore with:"
echo "  $kubectl --kubeconfig $kubeconfig get sovereign -A"
echo "  $kubectl --kubeconfig $kubeconfig -n th-national-ai describe modeldeployment siam-omni"
echo "  $kubectl --kubeconfig $kubeconfig get deploy,sts,netpol,resourcequota -A -l app.kubernetes.io/managed-by=sovereignops"
if [ "${KEEP:-0}" = "1" ]; then
  echo "sandbox and operator keep running (Ctrl-C stops both); operator log: $state/operator.log"
  wait "$operator_pid"
else
  echo "run 'make run KEEP=1' to keep the sandbox and the operator running and explore them with kubectl."
fi
