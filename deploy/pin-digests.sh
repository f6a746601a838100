#!/usr/bin/env bash
# Prints the digest each image the deployment uses has today, where a registry answers (docs/deployment.md,
# section 1): the infrastructure images of the generated files and the .NET base image of Directory.Build.props.
# Paste the output where it says: kustomize `images:` entries for a site overlay, image@digest for Compose, and
# ContainerBaseImage for Directory.Build.props. Asks `docker buildx imagetools inspect`, or `crane digest`.
#
#   deploy/pin-digests.sh [--dry-run]     --dry-run: list the images and the commands, ask no registry
set -euo pipefail
cd "$(dirname "$0")/.."

dry_run=false
[[ "${1:-}" == --dry-run ]] && dry_run=true

images=()
while IFS= read -r image; do images+=("$image"); done < <(
  sed -n 's/^ *image: *"\{0,1\}\([^"$]*\)"\{0,1\}$/\1/p' deploy/compose/docker-compose.yaml | sort -u)
base="$(sed -n 's:.*<ContainerBaseImage>\(.*\)</ContainerBaseImage>.*:\1:p' Directory.Build.props)"
images+=("$base")

digest() {
  if command -v docker >/dev/null 2>&1 && docker buildx version >/dev/null 2>&1; then
    docker buildx imagetools inspect "$1" --format '{{.Manifest.Digest}}'
  elif command -v crane >/dev/null 2>&1; then
    crane digest "$1"
  else
    echo "neither docker buildx nor crane is installed" >&2
    return 1
  fi
}

echo "# image -> digest (the tag stays for people; the digest is what runs)"
for image in "${images[@]}"; do
  if $dry_run; then
    echo "+ docker buildx imagetools inspect $image --format '{{.Manifest.Digest}}'   # or: crane digest $image"
  else
    echo "$image@$(digest "$image")"
  fi
done
