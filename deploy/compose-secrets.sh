#!/usr/bin/env bash
# Writes deploy/compose/secrets/<name> (git-ignored) from deploy/compose/.env: one file per secret docker-compose.yaml
# mounts read-only into the services that need it (its top-level `secrets:`, `file: ./secrets/<name>`), holding the
# value of the .env variable of the same name in capitals (jwt-signing-key: JWT_SIGNING_KEY). The secrets section of
# .env.example lists the required ones: an empty one is refused. An optional one missing from .env is an empty file.
# Compose does not notice a changed file: after changing a secret, `docker compose up -d --force-recreate`.
#
#   deploy/compose-secrets.sh [ENV_FILE]     (default: deploy/compose/.env)
set -euo pipefail
cd "$(dirname "$0")/compose"
env_file="${1:-.env}"
[[ -f "$env_file" ]] || { echo "no $env_file: copy .env.example to .env and fill it in first" >&2; exit 1; }

# Required: the variables of the "## Secrets" section of .env.example.
required="$(sed -n '/^## Secrets/,/^## [^S]/{s/^\([A-Z0-9_]*\)=.*/\1/p}' .env.example)"

umask 077
mkdir -p secrets
chmod 700 secrets   # the folder keeps the host's other users out
for name in $(sed -n 's|^    file: "\{0,1\}\./secrets/\([^"]*\)"\{0,1\}$|\1|p' docker-compose.yaml); do
  variable="${name^^}"
  variable="${variable//-/_}"
  value="$(sed -n "s/^$variable=//p" "$env_file" | tail -n 1)"
  if [[ -z "$value" ]] && grep -qx "$variable" <<<"$required"; then
    echo "$variable is empty in $env_file: it is required" >&2
    exit 1
  fi
  printf '%s' "$value" > "secrets/$name.new"
  chmod 444 "secrets/$name.new"   # the services' non-root user reads it through the mount
  mv -f "secrets/$name.new" "secrets/$name"
  echo "  secrets/$name"
done
