// Where to resolve and what to write on the FROM line. Docker Hub's official image by default;
// a Docker Hub mirror (`--registry-mirror`, same repository and digests, FROM stays `node:...`);
// or another repository (`--base-image host/path/node`, used on the FROM line as given).

import { UsageError } from '../errors.js';
import type { RegistryEndpoint } from './registry-client.js';

export interface ImageTarget {
  endpoint: RegistryEndpoint;
  /** Repository path in the registry API, e.g. "library/node". */
  repository: string;
  /** Repository as written on the FROM line, e.g. "node" or "registry.example.com/base/node". */
  fromRepository: string;
  /** Docker Hub's official node repository (directly or via a mirror): the shipped snapshot applies. */
  officialNode: boolean;
}

export const DOCKER_HUB: RegistryEndpoint = { baseUrl: 'https://registry-1.docker.io', host: 'registry-1.docker.io' };

/** Like Docker: 127.0.0.0/8 and localhost registries are plain HTTP, everything else HTTPS. */
function schemeFor(host: string): 'http' | 'https' {
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '[::1]' ? 'http' : 'https';
}

/** A mirror URL as options/validate.ts registryMirror returns it (http(s), no path). */
function parseMirror(value: string): RegistryEndpoint {
  const url = new URL(value);
  return { baseUrl: url.origin, host: url.host };
}

const REPO_PATH = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

function parseBaseImage(value: string): { endpoint: RegistryEndpoint; repository: string; fromRepository: string } {
  const ref = value.trim();
  if (ref.includes('@') || /:[^/]*$/.test(ref.replace(/^[^/]+\//, ''))) {
    throw new UsageError(`--base-image takes a repository without tag or digest (e.g. registry.example.com/base/node); got "${value}".`);
  }
  const slash = ref.indexOf('/');
  const first = slash === -1 ? '' : ref.slice(0, slash);
  // Like Docker: the first component is a registry host when it has a dot or a port, or is localhost.
  const hasHost = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  const path = hasHost ? ref.slice(slash + 1) : ref;
  if (!REPO_PATH.test(path)) throw new UsageError(`--base-image "${value}" is not a valid image repository name.`);
  if (!hasHost) {
    return { endpoint: DOCKER_HUB, repository: path.includes('/') ? path : `library/${path}`, fromRepository: ref };
  }
  const host = first === 'docker.io' || first === 'index.docker.io' ? DOCKER_HUB.host : first;
  if (host === DOCKER_HUB.host) return { endpoint: DOCKER_HUB, repository: path.includes('/') ? path : `library/${path}`, fromRepository: ref };
  return { endpoint: { baseUrl: `${schemeFor(host)}://${host}`, host }, repository: path, fromRepository: ref };
}

export function imageTarget(request: { registryMirror?: string; baseImage?: string }): ImageTarget {
  if (request.baseImage) {
    const parsed = parseBaseImage(request.baseImage);
    const officialNode = parsed.endpoint === DOCKER_HUB && parsed.repository === 'library/node';
    // A mirror applies to Docker Hub repositories only, as in Docker's daemon configuration.
    const endpoint = parsed.endpoint === DOCKER_HUB && request.registryMirror ? parseMirror(request.registryMirror) : parsed.endpoint;
    return { ...parsed, endpoint, officialNode };
  }
  const endpoint = request.registryMirror ? parseMirror(request.registryMirror) : DOCKER_HUB;
  return { endpoint, repository: 'library/node', fromRepository: 'node', officialNode: true };
}
