#!/usr/bin/env bash
# System packages the Docker end-to-end suite (test/e2e) and `npm run bench:image` need:
# Docker Engine (docker.io: dockerd, containerd, runc and a BuildKit-capable 20.10 client), the CNCF
# distribution registry (docker-registry) and debootstrap. Idempotent and quiet: nothing is
# downloaded when all of them are installed already. Needs root (or sudo) and Debian/Ubuntu apt.
set -euo pipefail

# apache2-utils: htpasswd -B for the registry tests' bcrypt users; patch: the line-diff property test.
# tmux: the real terminal the interactive-prompt test (test/cli/terminal-prompts.test.ts) types into.
# podman, catatonit: `podman kube play` of the generated Kubernetes manifests (catatonit is the pod's pause process).
# uidmap, slirp4netns, fuse-overlayfs: rootless Podman (newuidmap/newgidmap map the user's subordinate ids)
# for test/e2e/verify-podman.test.ts, which runs --verify --engine podman as the user created below.
packages=(docker.io docker-registry debootstrap apache2-utils patch tmux podman catatonit uidmap slirp4netns fuse-overlayfs)
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
# The rootless Podman user of the verify e2e cases (test/e2e/rig/podman-rootless.ts), with its own
# subordinate uid/gid range; a user that exists keeps what it has.
rootless_user=csnd-podman
ensure_rootless_user() {
  local s=""; if [ "$(id -u)" -ne 0 ]; then s="sudo"; fi
  if ! id -u "$rootless_user" >/dev/null 2>&1; then
    $s useradd --create-home --shell /usr/sbin/nologin "$rootless_user"
  fi
  for f in /etc/subuid /etc/subgid; do
    if ! grep -q "^$rootless_user:" "$f" 2>/dev/null; then
      echo "$rootless_user:100000:65536" | $s tee -a "$f" >/dev/null
    fi
  done
}
if [ "${#missing[@]}" -eq 0 ]; then
  ensure_rootless_user
  echo "e2e system packages present: ${packages[*]}; rootless user $rootless_user"
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
ensure_rootless_user
echo "installed: ${missing[*]}; rootless user $rootless_user"
