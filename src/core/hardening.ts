// The hardening every output shares: how the container runs (user, run flags) and how long a stop
// may take. render prints these into compose.yaml, README.Docker.md and k8s/; verify runs the image
// with them; rules check manifests against them. Declared once here so none of those imports another.

/** The graceful-shutdown module's default timeout; `docker stop` waits 10 s before SIGKILL. */
export const SHUTDOWN_TIMEOUT_SECONDS = 8;
export const DOCKER_STOP_SECONDS = 10;
export const STOP_GRACE_PERIOD_SECONDS = 15;
/** compose.yaml's run settings as `docker run` flags (README's run command; --verify adds compose's user). */
export const HARDENED_RUN_FLAGS = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges'] as const;
/** compose.yaml's `user:`, the image's "node" user. */
export const RUN_USER = '1000:1000';
