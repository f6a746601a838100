#!/usr/bin/env bash
# Builds TheBot's container images with the .NET SDK (dotnet publish /t:PublishContainer, no Dockerfile),
# prints each image's size and, when trivy is installed, scans it for known vulnerabilities.
# The counterpart of the old system's build-docker.sh; docs/deployment.md says what to expect.
#
#   deploy/build-images.sh                       images into the local Docker or Podman engine
#   deploy/build-images.sh --registry HOST[/PATH] images pushed to HOST as PATH/thebot-api… (log in first)
#   deploy/build-images.sh --archive DIR          images as .tar files (OCI layout; docker load takes them), no engine needed
#   options: --no-scan (skip trivy), --dry-run (print the commands only)
set -euo pipefail
caller="$PWD"
cd "$(dirname "$0")/.."

projects=(TheBot.Api TheBot.Realtime TheBot.Web)
registry="" archive="" scan=true dry_run=false

while (($#)); do
  case "$1" in
    --registry) registry="${2:?--registry needs a value}"; shift 2 ;;
    --archive) archive="${2:?--archive needs a directory}"; shift 2 ;;
    --no-scan) scan=false; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# The SDK takes the registry host alone; a path after it belongs to each image's repository name.
registry_host="${registry%%/*}" registry_path=""
[[ "$registry" == */* ]] && registry_path="${registry#*/}/"
# MSBuild would resolve a relative archive path against each project's folder: make it the caller's.
[[ -n "$archive" && "$archive" != /* ]] && archive="$caller/$archive"

run() {
  echo "+ $*"
  if ! $dry_run; then "$@"; fi
}

engine=""
for candidate in docker podman; do
  if command -v "$candidate" >/dev/null 2>&1; then engine="$candidate"; break; fi
done

human_size() { numfmt --to=iec --suffix=B "$1" 2>/dev/null || echo "$1 bytes"; }

images=()
for project in "${projects[@]}"; do
  properties="$(dotnet msbuild "$project" -getProperty:ContainerRepository -getProperty:ContainerImageTags)"
  repository="$(sed -n 's/.*"ContainerRepository": *"\([^"]*\)".*/\1/p' <<<"$properties")"
  tag="$(sed -n 's/.*"ContainerImageTags": *"\([^"]*\)".*/\1/p' <<<"$properties")"
  args=(dotnet publish "$project" -c Release /t:PublishContainer --nologo)
  # api: ReadyToRun (its code and EF Core's, Npgsql's… compiled ahead of time, for the image's linux-x64), so a
  # fresh replica does not spend its first seconds under load in the JIT; realtime and web start no faster with it
  # and take more memory (docs/benchmarks.md, "Startup and footprint"). The SDK picks Crossgen2's version.
  [[ "$project" == TheBot.Api ]] && args+=(-p:PublishReadyToRun=true)
  [[ -n "$registry" ]] && args+=("-p:ContainerRegistry=$registry_host" "-p:ContainerRepository=$registry_path$repository")
  [[ -n "$archive" ]] && args+=("-p:ContainerArchiveOutputPath=$archive/$repository-$tag.tar")
  run "${args[@]}"
  images+=("${registry:+$registry/}$repository:$tag")
done

$dry_run && exit 0

echo
echo "Images (the old system's backend image was 359 MB):"
for i in "${!images[@]}"; do
  image="${images[$i]}"
  if [[ -n "$archive" ]]; then
    file="$archive/${image##*/}"; file="${file/:/-}.tar"
    printf '  %-40s %s, layers compressed (%s)\n' "$image" "$(human_size "$(stat -c %s "$file")")" "$file"
  elif [[ -z "$registry" && -n "$engine" ]]; then
    printf '  %-40s %s\n' "$image" "$(human_size "$("$engine" image inspect --format '{{.Size}}' "$image")")"
  else
    printf '  %-40s pushed; see the registry for its size\n' "$image"
  fi
done

if $scan && command -v trivy >/dev/null 2>&1; then
  echo
  for image in "${images[@]}"; do
    if [[ -n "$archive" ]]; then
      file="$archive/${image##*/}"; file="${file/:/-}.tar"
      run trivy image --severity HIGH,CRITICAL --ignore-unfixed --exit-code 1 --input "$file"
    else
      run trivy image --severity HIGH,CRITICAL --ignore-unfixed --exit-code 1 "$image"
    fi
  done
elif $scan; then
  echo "trivy is not installed: no vulnerability scan (https://trivy.dev)."
fi
