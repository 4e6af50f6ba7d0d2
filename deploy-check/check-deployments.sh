#!/usr/bin/env bash
# Checks the deployment files offline, without a Docker engine or a cluster:
#   1. docker-compose.yml          docker-compose config -q (schema, references, interpolation)
#   2. every k8s/overlays/<name>   kubectl kustomize renders it
#   3. every rendered object       validate-k8s.mjs: YAML, Kubernetes schema, unknown fields, references
#   4. Redis's persistence         redis-policy.mjs: compose and every overlay as ./shop runs it
# Usage: deploy-check/check-deployments.sh [repository root]   (default: this script's parent folder)
# Exit 0 when everything is valid, 1 when a check failed, 2 when a tool is missing.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${1:-$here/..}"
if [ ! -d "$root" ]; then
  echo "check-deployments: no such folder: $root" >&2
  exit 2
fi
root="$(cd "$root" && pwd)"

missing=()
command -v docker-compose >/dev/null 2>&1 \
  || missing+=("docker-compose (Debian: apt-get install --no-install-recommends docker-compose)")
command -v kubectl >/dev/null 2>&1 \
  || missing+=("kubectl (https://kubernetes.io/docs/tasks/tools/; it renders kustomizations offline)")
command -v node >/dev/null 2>&1 || missing+=("node (Node.js 18 or newer, with npm)")
[ -d "$here/node_modules/kubernetes-models" ] \
  || missing+=("the validator's npm packages (run: npm ci --prefix $here)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "check-deployments: missing tools:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "FAIL $1" >&2
  sed 's/^/  /' "$2" >&2
  failures=$((failures + 1))
}

# 1. docker-compose.yml. Interpolated variables (SHOP_OPERATOR_TOKEN ...) fall back to their defaults.
if docker-compose -f "$root/docker-compose.yml" config -q >"$work/compose.log" 2>&1; then
  echo "ok   docker-compose.yml"
else
  fail "docker-compose.yml (docker-compose config -q)" "$work/compose.log"
fi

# 2. Render every overlay; 3. validate what rendered.
rendered=()
overlays=("$root"/k8s/overlays/*/)
if [ ! -d "${overlays[0]}" ]; then
  echo "FAIL k8s: no overlays under $root/k8s/overlays" >&2
  failures=$((failures + 1))
else
  for overlay in "${overlays[@]}"; do
    name="$(basename "$overlay")"
    if kubectl kustomize "$overlay" >"$work/k8s-overlays-$name.yaml" 2>"$work/$name.log"; then
      echo "ok   k8s/overlays/$name renders"
      rendered+=("$work/k8s-overlays-$name.yaml")
    else
      fail "k8s/overlays/$name (kubectl kustomize)" "$work/$name.log"
    fi
  done
fi
if [ ${#rendered[@]} -gt 0 ] && ! node "$here/validate-k8s.mjs" "${rendered[@]}"; then
  failures=$((failures + 1))
fi
# 4. Redis runs with the launcher's persistence policy in compose and every overlay.
if ! node "$here/redis-policy.mjs" "$root/docker-compose.yml" "${rendered[@]}"; then
  failures=$((failures + 1))
fi

if [ "$failures" -gt 0 ]; then
  echo "deployment files: $failures check(s) failed" >&2
  exit 1
fi
echo "deployment files: all checks passed"
