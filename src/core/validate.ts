// Validators for every user-supplied value that can reach a generated file. Each returns the
// normalised value or throws a UsageError with one line that names the flag and the rule.
// The character sets are deliberately narrow: anything outside them is refused, never escaped.
import * as semver from './semver.js';
import { UsageError } from '../errors.js';
import { isDigest } from './digest.js';
import { parseImageReference } from './image-reference.js';
import { hasUrlCredentials, redactUrlCredentials } from './redact.js';

const SAFE_SEGMENT = /^[A-Za-z0-9._@+-]+$/;

/** A relative path inside the project: posix separators, no "..", no absolute, only safe characters. */
export function projectPath(value: string, flag: string): string {
  const trimmed = value.trim().replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '.') throw new UsageError(`${flag}: a path inside the project is required`);
  if (trimmed.startsWith('/') || /^[A-Za-z]:/.test(trimmed)) {
    throw new UsageError(`${flag} must be relative to the project directory, got "${printable(value)}"`);
  }
  const segments = trimmed.split('/');
  for (const segment of segments) {
    if (segment === '..') throw new UsageError(`${flag} must stay inside the project directory, got "${printable(value)}"`);
    if (!SAFE_SEGMENT.test(segment) || segment === '.') {
      throw new UsageError(
        `${flag} may contain only letters, digits and . _ @ + - / (no spaces, quotes or shell characters), got "${printable(value)}"`,
      );
    }
  }
  return segments.join('/');
}

export function port(value: string | number, flag = '--port'): number {
  const text = String(value).trim();
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} must be a whole number from 1 to 65535, got "${printable(text)}"`);
  const n = Number(text);
  if (n < 1 || n > 65535) throw new UsageError(`${flag} must be from 1 to 65535, got ${n}`);
  return n;
}

/** An HTTP path for the health check, e.g. "/health" or "/status/ready". */
export function healthPath(value: string, flag = '--healthcheck-path'): string {
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(value)) {
    throw new UsageError(
      `${flag} must start with "/" and contain only letters, digits and . _ ~ / -, got "${printable(value)}"`,
    );
  }
  return value;
}

/** An http(s) URL without credentials, as it may be written into a Dockerfile or compose file. */
export function httpUrl(value: string, flag: string): string {
  // Credentials first, before any message could echo the value (printable() redacts them too).
  if (hasUrlCredentials(value)) {
    throw new UsageError(`${flag} must not contain credentials: pass the token as a build secret (see README.Docker.md)`);
  }
  // Then the raw text: the URL parser silently drops newlines and percent-encodes quotes.
  if (!/^[A-Za-z0-9:/._~%@+=-]+$/.test(value)) {
    throw new UsageError(`${flag} contains characters that are not allowed in a registry URL: "${printable(value)}"`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be an http(s) URL, got "${printable(value)}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`${flag} must be an http(s) URL, got "${printable(value)}"`);
  }
  if (url.username || url.password) {
    throw new UsageError(`${flag} must not contain credentials: pass the token as a build secret (see README.Docker.md)`);
  }
  return url.toString();
}

/** A Docker Hub mirror: an http(s) URL serving /v2/ at its root, so no path. */
export function registryMirror(value: string, flag = '--registry-mirror'): string {
  const url = httpUrl(value, flag);
  if (new URL(url).pathname !== '/') throw new UsageError(`${flag} must not have a path (a mirror serves /v2/ at its root), got "${printable(value)}"`);
  return url;
}

/** Whether a normalised posix path leaves the project (absolute, a drive letter, or "..") or is its root. */
export function escapesProject(normalized: string): boolean {
  return (
    normalized === '' ||
    normalized === '.' ||
    normalized.startsWith('/') ||
    /^[A-Za-z]:/.test(normalized) ||
    normalized === '..' ||
    normalized.startsWith('../')
  );
}

/** An image repository such as "node", "library/node" or "registry.example.com:5000/base/node". */
export function imageRepository(value: string, flag = '--base-image'): string {
  const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
  const host = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?';
  if (!new RegExp(`^${host}${component}(?:/${component})*$`).test(value)) {
    throw new UsageError(`${flag} must be an image repository without tag or digest (e.g. registry.example.com/node), got "${printable(value)}"`);
  }
  return value;
}

export function digest(value: string, flag = '--digest'): string {
  if (!isDigest(value)) {
    throw new UsageError(`${flag} must be "sha256:" followed by 64 lowercase hex digits, got "${printable(value)}"`);
  }
  return value;
}

/**
 * The image a deployment runs, pinned: <name>[:tag]@sha256:<64 hex> in Docker's reference grammar.
 * A tag alone is refused: it can be moved to other content after it was reviewed.
 */
export function pinnedImage(value: string, flag: string): string {
  const ref = parseImageReference(value);
  if (ref === undefined) {
    throw new UsageError(`${flag} must be an image reference such as registry.example.com/app@sha256:<64 hex digits>, got "${printable(value)}"`);
  }
  if (ref.digest === undefined) {
    throw new UsageError(`${flag} must be pinned by digest (a tag can move): <name>[:tag]@sha256:<64 hex digits>, e.g. the digest docker push prints; got "${printable(value)}"`);
  }
  return value;
}

/** The one test of a Node version or range: semver's, over a narrow character set. */
export function isNodeRange(text: string): boolean {
  return /^[0-9xX*.^~<>=| -]+$/.test(text) && semver.isValidRange(text);
}

export function nodeRange(value: string, flag = '--node'): string {
  const text = value.trim();
  if (!isNodeRange(text)) {
    throw new UsageError(`${flag} must be a Node version or semver range (e.g. 26, ^24, >=22), got "${printable(value)}"`);
  }
  return text;
}

/** Exact package manager version from `packageManager` ("9.15.9", "1.22.22+sha512..." -> "1.22.22"). */
export function packageManagerVersion(value: string): string | undefined {
  const match = /^(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)(?:\+.*)?$/.exec(value);
  return match?.[1];
}

/** A time bound in whole seconds, 1 s to a day. */
export function seconds(value: string, flag: string): number {
  const text = value.trim();
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1 || Number(text) > 86_400) {
    throw new UsageError(`${flag} must be a whole number of seconds from 1 to 86400, got "${printable(text)}"`);
  }
  return Number(text);
}

/** Shows a hostile value in an error message on one line, with control characters made visible and URL credentials redacted. */
export function printable(value: string): string {
  const shown = JSON.stringify(redactUrlCredentials(value)).slice(1, -1);
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}

/** An exact package version (2.11.13, 1.0.0-rc.1): safe to write into a RUN line, and it pins. */
export function isExactVersion(text: string): boolean {
  return /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(text);
}
