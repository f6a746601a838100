#!/usr/bin/env bash
# One command from a clone to TheBot running with Docker Compose on this host (docs/deployment.md, section 2):
# makes deploy/compose/.env (git-ignored) with every required secret generated and the first admin's sign-in,
# writes them into deploy/compose/secrets/ (deploy/compose-secrets.sh: the files Compose mounts into the services),
# builds the images, starts everything and waits until it is healthy, then prints the address and the sign-in.
# Idempotent: values already in .env are kept, so running it again only rebuilds and restarts what changed.
#
#   deploy/compose-up.sh [--admin-email EMAIL] [--registry PREFIX] [--no-build] [--dry-run]
#     --admin-email   the first admin's email (default admin@<this host>); used once, on an empty database
#     --registry      pull TheBot's images from PREFIX (e.g. registry.example.com/thebot/) instead of building them
#     --no-build      use the images already in the local engine
#     --dry-run       print every step and command, change nothing
set -euo pipefail
cd "$(dirname "$0")/compose"

admin_email="" registry="" build=true dry_run=false
while (($#)); do
  case "$1" in
    --admin-email) admin_email="${2:?--admin-email needs a value}"; shift 2 ;;
    --registry) registry="${2:?--registry needs a value}"; build=false; shift 2 ;;
    --no-build) build=false; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

step() { printf '\n== %s\n' "$*"; }
run() {
  echo "+ $*"
  if ! $dry_run; then "$@"; fi
}

step "1/5 Prerequisites: Docker Engine with Compose v2.24+, openssl"
for tool in docker openssl; do
  command -v "$tool" >/dev/null 2>&1 || { $dry_run && echo "(missing: $tool)" || { echo "$tool is not installed" >&2; exit 1; }; }
done
$dry_run || docker compose version >/dev/null

step "2/5 Settings and secrets in deploy/compose/.env and secrets/ (git-ignored; existing values are kept)"
env_file=.env
$dry_run && env_file="$(mktemp)" && { [[ -f .env ]] && cp .env "$env_file" || true; }
[[ -s "$env_file" ]] || cp .env.example "$env_file"
set_if_empty() { # NAME VALUE
  if grep -q "^$1=$" "$env_file"; then
    sed -i "s|^$1=$|$1=$2|" "$env_file"
    echo "  $1 set"
  else
    echo "  $1 kept"
  fi
}
# Required secrets: as long as their comment in .env.example asks (openssl rand -hex N).
while IFS= read -r line; do
  if [[ "$line" =~ ^#.*openssl\ rand\ -hex\ ([0-9]+) ]]; then bytes="${BASH_REMATCH[1]}"; continue; fi
  if [[ "$line" =~ ^([A-Z0-9_]+)=$ && -n "${bytes:-}" ]]; then set_if_empty "${BASH_REMATCH[1]}" "$(openssl rand -hex "$bytes")"; fi
  bytes=""
done < .env.example
set_if_empty BOOTSTRAP_ADMIN_EMAIL "${admin_email:-admin@$(hostname -f 2>/dev/null || hostname)}"
[[ -n "$registry" ]] && sed -i "s|^THEBOT_IMAGE_REGISTRY=.*|THEBOT_IMAGE_REGISTRY=$registry|" "$env_file"
chmod 600 "$env_file"
secrets_digest() { { cat secrets/* 2>/dev/null || true; } | sha256sum; }
before="$(secrets_digest)"
if $dry_run; then
  echo "+ ../compose-secrets.sh .env   (secrets/<name> from .env, mounted read-only into the services)"
else
  ../compose-secrets.sh "$env_file"
fi
# Compose recreates a container when its definition changes, not when a mounted file does.
recreate=()
[[ "$(secrets_digest)" == "$before" ]] || recreate=(--force-recreate)

step "3/5 Images"
if $build; then
  run ../build-images.sh --no-scan
else
  echo "  not built: ${registry:-the local engine} images"
fi

step "4/5 Start and wait until every service is healthy"
run docker compose config --quiet
run docker compose up -d --wait "${recreate[@]}"

step "5/5 Done"
port="$(sed -n 's/^WEB_PORT=//p' "$env_file")"
echo "  TheBot: http://$(hostname -f 2>/dev/null || hostname):${port:-3000}"
echo "  First admin (created once, on an empty database): $(sed -n 's/^BOOTSTRAP_ADMIN_EMAIL=//p' "$env_file")," \
  "password: BOOTSTRAP_ADMIN_PASSWORD in deploy/compose/.env"
echo "  Then: sign in, change the password, empty the two BOOTSTRAP_ADMIN_ values in .env and run this again (docs/deployment.md, section 4)."
$dry_run && rm -f "$env_file"
exit 0
