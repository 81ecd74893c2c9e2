#!/usr/bin/env bash
# System packages the Docker end-to-end suite (test/e2e) and `npm run bench:image` need:
# Docker Engine (docker.io: dockerd, containerd, runc and a BuildKit-capable 20.10 client), the CNCF
# distribution registry (docker-registry) and debootstrap. Idempotent and quiet: nothing is
# downloaded when all of them are installed already. Needs root (or sudo) and Debian/Ubuntu apt.
set -euo pipefail

# apache2-utils: htpasswd -B for the registry tests' bcrypt users; patch: the line-diff property test.
# tmux: the real terminal the interactive-prompt test (test/cli/terminal-prompts.test.ts) types into.
# podman, catatonit: `podman kube play` of the generated Kubernetes manifests (catatonit is the pod's pause process).
packages=(docker.io docker-registry debootstrap apache2-utils patch tmux podman catatonit)
missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
# Podman in this kind of sandbox: the rlimits it sets by default are refused, and crun fails on
# hybrid cgroups. A drop-in of our own name (test/e2e/rig/podman-kube.ts writes the same file).
podman_drop_in=/etc/containers/containers.conf.d/50-create-secure-node-docker-e2e.conf
podman_settings='[containers]
default_ulimits = ["nproc=4096:4096", "nofile=20000:20000"]

[engine]
runtime = "runc"'
if [ "$(cat "$podman_drop_in" 2>/dev/null)" != "$podman_settings" ]; then
  s=""; if [ "$(id -u)" -ne 0 ]; then s="sudo"; fi
  $s mkdir -p "$(dirname "$podman_drop_in")"
  printf '%s\n' "$podman_settings" | $s tee "$podman_drop_in" >/dev/null
fi
if [ "${#missing[@]}" -eq 0 ]; then
  echo "e2e system packages present: ${packages[*]}"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
# The rig starts its own dockerd with its own socket and data root; the packaged service (if the
# package's postinst started one under systemd) is not used and is left as the system has it.
echo "installed: ${missing[*]}"
