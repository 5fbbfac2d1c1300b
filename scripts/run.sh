#!/usr/bin/env bash
# make run: validate and plan the example countries, start the embedded sandbox with their simulated
# GPU nodes, apply the CRDs and the three bundles with the pinned kubectl, and show what is where.
# KEEP=1 leaves the sandbox running for exploration.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
ctl="$root/bin/sovereignctl"
kubectl="$root/.tools/bin/kubectl"
countries=(thailand saudi-arabia korea)
state="$root/.sovereign"
kubeconfig="$state/sandbox.kubeconfig"
mkdir -p "$state"
started=$(date +%s)

section() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

section "validate"
"$ctl" validate "${countries[@]/#/examples/}"

if "$ctl" plan --help >/dev/null 2>&1; then
  for country in "${countries[@]}"; do
    section "plan: $country"
    "$ctl" plan "examples/$country"
  done
fi

section "sandbox"
rm -f "$kubeconfig"
node_args=()
for country in "${countries[@]}"; do node_args+=(--nodes "examples/$country/nodes.yaml"); done
"$ctl" sandbox --kubeconfig "$kubeconfig" "${node_args[@]}" >"$state/sandbox.log" 2>&1 &
sandbox_pid=$!
cleanup() {
  kill "$sandbox_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  [ -s "$kubeconfig" ] && "$kubectl" --kubeconfig "$kubeconfig" get --raw /version >/dev/null 2>&1 && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$state/sandbox.log"; echo "sandbox exited" >&2; exit 1; }
  sleep 0.1
done
head -1 "$state/sandbox.log"
k() { "$kubectl" --kubeconfig "$kubeconfig" "$@"; }

k apply --server-side -f crds/ >/dev/null
k wait --for=condition=Established crd --all --timeout=30s >/dev/null

for country in "${countries[@]}"; do
  section "apply: $country"
  # nodes.yaml is part of each country folder; the sandbox loaded those nodes already, so kubectl's
  # note about adopting them and their unchanged lines are left out
  k apply -f "examples/$country/" 2> >(grep -v 'last-applied-configuration' >&2) | grep -v '^node/' || true
done

section "what is where"
k get sovereign -A
section "nodes"
k get nodes -L topology.kubernetes.io/region,nvidia.com/gpu.product

echo
echo "done in $(( $(date +%s) - started )) s. kubeconfig: $kubeconfig"
if [ "${KEEP:-0}" = "1" ]; then
  echo "explore with: KUBECONFIG=$kubeconfig $kubectl get sovereign -A   (Ctrl-C stops)"
  wait "$sandbox_pid"
else
  echo "run 'make run KEEP=1' to keep the sandbox running and explore it with kubectl."
fi
