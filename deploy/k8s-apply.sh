#!/usr/bin/env bash
# One command from a clone to TheBot running on a Kubernetes cluster (docs/deployment.md, section 3): checks the
# prerequisites, builds and pushes the images, fills the overlay's secret files (git-ignored; generated secrets,
# the first admin), writes the site overlay deploy/k8s/overlays/site-<overlay> with your host and registry,
# applies it (pruning what an earlier apply generated), waits for the rollout and prints what to do next.
# Idempotent: existing secret values and a site overlay you edited are kept.
#
#   deploy/k8s-apply.sh --overlay dev|prod --registry HOST/PATH --host NAME [--tls-issuer NAME] [--no-build] [--dry-run]
#     --overlay      dev: PostgreSQL and Redis in the cluster; prod: managed servers (fill
#                    overlays/prod/secrets/connection-strings.env first, see its .example)
#     --registry     where the images are pushed and pulled from (deploy/build-images.sh --registry)
#     --host         the public host name of the Ingress
#     --tls-issuer   cert-manager ClusterIssuer for the certificate (prod; default letsencrypt)
#     --no-build     the images are already in the registry
#     --dry-run      print every step and command, change nothing
set -euo pipefail
cd "$(dirname "$0")/k8s/overlays"

overlay="" registry="" host="" issuer=letsencrypt build=true dry_run=false
while (($#)); do
  case "$1" in
    --overlay) overlay="${2:?--overlay needs dev or prod}"; shift 2 ;;
    --registry) registry="${2:?--registry needs a value}"; shift 2 ;;
    --host) host="${2:?--host needs a value}"; shift 2 ;;
    --tls-issuer) issuer="${2:?--tls-issuer needs a value}"; shift 2 ;;
    --no-build) build=false; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$overlay" == dev || "$overlay" == prod ]] || { echo "--overlay dev or --overlay prod (see --help)" >&2; exit 2; }
[[ -n "$registry" && -n "$host" ]] || { echo "--registry and --host are required (see --help)" >&2; exit 2; }

step() { printf '\n== %s\n' "$*"; }
run() {
  echo "+ $*"
  if ! $dry_run; then "$@"; fi
}
check() { # DESCRIPTION COMMAND...
  if $dry_run; then echo "+ ${*:2}   # $1"; elif ! "${@:2}" >/dev/null 2>&1; then echo "missing: $1" >&2; exit 1; fi
}

step "1/6 Prerequisites"
check "kubectl 1.27+ with kustomize" kubectl version --client
check "a cluster kubectl can reach" kubectl version
check "metrics-server (the autoscalers scale on CPU)" kubectl get apiservice v1beta1.metrics.k8s.io
check "an ingress-nginx controller" kubectl get namespace ingress-nginx
[[ "$overlay" == prod ]] && check "cert-manager (the site's certificate)" kubectl get crd clusterissuers.cert-manager.io

step "2/6 Images"
if $build; then run ../../build-images.sh --registry "$registry" --no-scan; else echo "  not built: already in $registry"; fi

step "3/6 Secrets in overlays/$overlay/secrets (git-ignored; existing values are kept)"
fill() { # FILE
  local file="$1" target="${1%.example}" bytes="" line
  if $dry_run; then echo "  $target: generated secrets and the first admin for every empty required key"; return; fi
  [[ -f "$target" ]] || cp "$file" "$target"
  while IFS= read -r line; do
    if [[ "$line" =~ ^#.*openssl\ rand\ -hex\ ([0-9]+) ]]; then bytes="${BASH_REMATCH[1]}"; continue; fi
    if [[ "$line" =~ ^([a-z0-9-]+)=$ && -n "$bytes" ]] && grep -q "^${BASH_REMATCH[1]}=$" "$target"; then
      sed -i "s|^${BASH_REMATCH[1]}=$|${BASH_REMATCH[1]}=$(openssl rand -hex "$bytes")|" "$target"
    fi
    bytes=""
  done < "$file"
  sed -i "s|^bootstrap-admin-email=$|bootstrap-admin-email=admin@$host|" "$target"
  chmod 600 "$target"
}
fill "$overlay/secrets/secrets.env.example"
if [[ "$overlay" == prod && ! -s prod/secrets/connection-strings.env ]] && ! $dry_run; then
  echo "Fill in overlays/prod/secrets/connection-strings.env first (your managed servers; see its .example)." >&2
  exit 1
fi

site="site-$overlay"
step "4/6 Site overlay overlays/$site"
if [[ -f "$site/kustomization.yaml" ]]; then
  echo "  kept (yours to edit)"
else
  tls_patch=""
  [[ "$overlay" == prod ]] && tls_patch="
      - {op: replace, path: /spec/tls/0/hosts/0, value: $host}
      - {op: add, path: /metadata/annotations/cert-manager.io~1cluster-issuer, value: $issuer}"
  kustomization="apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../$overlay]
images:
  - {name: thebot-api, newName: $registry/thebot-api}
  - {name: thebot-realtime, newName: $registry/thebot-realtime}
  - {name: thebot-web, newName: $registry/thebot-web}
patches:
  - target: {kind: Ingress, name: web}
    patch: |-
      - {op: replace, path: /spec/rules/0/host, value: $host}$tls_patch"
  echo "$kustomization" | sed 's/^/  | /'
  if ! $dry_run; then mkdir -p "$site" && echo "$kustomization" > "$site/kustomization.yaml"; fi
fi

step "5/6 Apply and wait for the rollout"
run kubectl apply -k "$site" --prune -l app.kubernetes.io/part-of=thebot
run kubectl -n thebot rollout status deploy/api deploy/realtime deploy/web --timeout=10m

step "6/6 Next"
echo "  Open https://$host and sign in as bootstrap-admin-email of overlays/$overlay/secrets/secrets.env"
echo "  (password: bootstrap-admin-password there); change the password, then delete both lines and run this again."
echo "  Backups: docs/deployment.md, section 5. Telemetry: section 8."
