// Registry credentials from the Docker config, as `docker login` leaves them:
// `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`, with `auths` entries (base64 user:pass,
// or username/password), `credHelpers` per host and a default `credsStore`, both run as
// `docker-credential-<name> get`.

import { join } from 'node:path';
import { fsPromises } from '../core/node-fs.js';
import type { ImageDeps } from './deps.js';

export interface Credentials {
  username: string;
  password: string;
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** Docker Hub's registry host is stored under its legacy index URL by `docker login`. */
const DOCKER_HUB_KEYS = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];

export function dockerConfigPath(env: Record<string, string | undefined>): string | undefined {
  if (env.DOCKER_CONFIG) return join(env.DOCKER_CONFIG, 'config.json');
  if (env.HOME) return join(env.HOME, '.docker', 'config.json');
  return undefined;
}

async function readText(deps: Pick<ImageDeps, 'readFile'>, path: string): Promise<string | undefined> {
  if (deps.readFile) return deps.readFile(path);
  try {
    return await fsPromises().readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The config keys that may name `host`: bare, with scheme, and Docker Hub's aliases. */
export function configKeysFor(host: string): string[] {
  if (DOCKER_HUB_KEYS.includes(host)) return DOCKER_HUB_KEYS;
  return [host, `https://${host}`, `http://${host}`, `https://${host}/v1/`, `https://${host}/v2/`];
}

function decodeAuth(entry: { auth?: string; username?: string; password?: string }): Credentials | undefined {
  if (entry.username && entry.password) return { username: entry.username, password: entry.password };
  if (!entry.auth) return undefined;
  const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Credentials for a registry host, or undefined (anonymous). A broken config is treated as absent. */
export async function credentialsFor(
  host: string,
  deps: Pick<ImageDeps, 'env' | 'readFile' | 'runCredentialHelper'>,
): Promise<Credentials | undefined> {
  const path = dockerConfigPath(deps.env);
  const text = path ? await readText(deps, path) : undefined;
  if (!text) return undefined;
  let config: DockerConfig;
  try {
    config = JSON.parse(text) as DockerConfig;
  } catch {
    return undefined;
  }
  const keys = configKeysFor(host);
  const helperKey = keys.find((k) => config.credHelpers?.[k]);
  const helper = helperKey ? config.credHelpers?.[helperKey] : config.credsStore;
  if (helper && deps.runCredentialHelper) {
    // The helper is asked with the key docker would use (Docker Hub: its legacy index URL).
    const found = await deps.runCredentialHelper(helper, helperKey ?? keys[0] ?? host).catch(() => undefined);
    if (found?.username && found.secret) return { username: found.username, password: found.secret };
  }
  for (const key of keys) {
    const entry = config.auths?.[key];
    const creds = entry && decodeAuth(entry);
    if (creds) return creds;
  }
  return undefined;
}

export function basicAuthorization(creds: Credentials): string {
  return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
}
