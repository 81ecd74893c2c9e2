// A real CNCF distribution registry (Debian's `docker-registry`, 2.8.x) on 127.0.0.1 for tests,
// (pushing content to it: registry-push.ts).
//
// Usage:
//   const registryBinary = registryBinaryStatus();           // at module scope
//   describe.skipIf(!registryBinary.available)('...', () => {
//     let reg: StartedRegistry;
//     beforeAll(async () => { reg = await startRegistry({ auth: 'htpasswd' }); });
//     afterAll(() => reg.stop());
//   });
// When the binary is missing the suite is skipped with a printed reason on a laptop, and
// registryBinaryStatus() THROWS when process.env.CI is set, so a CI run can never skip silently.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REGISTRY_BINARY = process.env.DOCKER_REGISTRY_BIN ?? '/usr/bin/docker-registry';

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

export interface RegistryUser {
  user: string;
  password: string;
}

export interface StartRegistryOptions {
  /** 'none' (default), 'htpasswd' (Basic, bcrypt entries) or 'token' (`auth: silly` + a local token endpoint). */
  auth?: 'none' | 'htpasswd' | 'token';
  /** htpasswd users; in token mode, users the token endpoint accepts via Basic (anonymous tokens too). */
  users?: RegistryUser[];
}

/** One request the token endpoint answered, for assertions (how many tokens, which scope, credentials). */
export interface TokenRequest {
  service: string | null;
  scope: string[];
  authorization: string | undefined;
}

export interface StartedRegistry {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT */
  host: string;
  port: number;
  auth: 'none' | 'htpasswd' | 'token';
  users: RegistryUser[];
  /** Authorization header value the push helpers use (undefined when auth is 'none'). */
  pushAuthorization: string | undefined;
  /** Token mode only: the realm URL advertised in WWW-Authenticate, the service name and a request log. */
  token?: { realm: string; service: string; url: string; port: number; requests: TokenRequest[] };
  /** Temp dir holding config, htpasswd and storage; deleted by stop(). */
  dir: string;
  stop(): Promise<void>;
}

export interface RegistryBinaryStatus {
  available: boolean;
  reason?: string;
}

/** Whether the registry binary exists. Missing: a printed skip reason, or a thrown error under CI. */
export function registryBinaryStatus(binary = REGISTRY_BINARY, env: NodeJS.ProcessEnv = process.env): RegistryBinaryStatus {
  if (existsSync(binary)) return { available: true };
  const reason =
    `${binary} not found: real-registry tests need the CNCF distribution registry ` +
    '(`apt-get install docker-registry` on Debian/Ubuntu, or set DOCKER_REGISTRY_BIN).';
  if (env.CI) throw new Error(`${reason} CI is set, so this is a failure, not a skip.`);
  console.warn(`SKIPPED: ${reason}`);
  return { available: false, reason };
}

/** A port nothing listens on: any free one, or `wanted` if it is free (else an error naming it). */
export async function freePort(wanted = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', (e) => reject(wanted ? new Error(`port ${wanted} is in use on this machine: ${String(e)}`) : e));
    server.listen(wanted, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A bcrypt htpasswd line. `htpasswd -nbB` (apache2-utils) when installed; otherwise Python's crypt
 * module, which calls the system libcrypt (libxcrypt on Debian 12 supports bcrypt `$2b$`).
 */
export function htpasswdLine({ user, password }: RegistryUser): string {
  const apache = spawnSync('htpasswd', ['-nbB', '-C', '5', user, password], { encoding: 'utf8' });
  if (apache.status === 0) return apache.stdout.trim();
  const py = spawnSync(
    'python3',
    ['-c', 'import crypt,sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=32)))', password],
    { encoding: 'utf8' },
  );
  const hash = py.status === 0 ? py.stdout.trim() : '';
  if (!/^\$2[aby]\$/.test(hash)) {
    throw new Error('Cannot compute a bcrypt htpasswd entry: install apache2-utils (`apt-get install apache2-utils`).');
  }
  return `${user}:${hash}`;
}

function basic({ user, password }: RegistryUser): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** Starts a token endpoint: GET /token?service=&scope= answers {"token","access_token"}; logs requests. */
async function startTokenServer(users: RegistryUser[], service: string) {
  const requests: TokenRequest[] = [];
  const accepted = new Set(users.map(basic));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://token.local');
    const headers: IncomingHttpHeaders = req.headers;
    requests.push({ service: url.searchParams.get('service'), scope: url.searchParams.getAll('scope'), authorization: headers.authorization });
    if (url.pathname !== '/token') {
      res.writeHead(404).end();
      return;
    }
    // Like Docker Hub: anonymous tokens are issued; wrong credentials are refused.
    if (headers.authorization && !accepted.has(headers.authorization)) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"incorrect username or password"}');
      return;
    }
    const token = randomBytes(16).toString('hex');
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return { server, info: { realm: `${url}/token`, service, url, port, requests } };
}

function authConfig(auth: StartRegistryOptions['auth'], htpasswdPath: string, tokenRealm?: string, service?: string): string {
  if (auth === 'htpasswd') return `auth:\n  htpasswd:\n    realm: test-registry\n    path: ${htpasswdPath}\n`;
  if (auth === 'token') return `auth:\n  silly:\n    realm: ${tokenRealm}\n    service: ${service}\n`;
  return '';
}

async function waitUntilUp(url: string, child: ChildProcess, stderr: () => string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode}: ${stderr()}`);
    try {
      const res = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200 || res.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`docker-registry did not answer /v2/ within ${timeoutMs} ms: ${stderr()}`);
}

export async function startRegistry(opts: StartRegistryOptions = {}): Promise<StartedRegistry> {
  const auth = opts.auth ?? 'none';
  const users = opts.users ?? (auth === 'none' ? [] : [{ user: 'tester', password: 'correct horse battery' }]);
  const dir = await mkdtemp(join(tmpdir(), 'csnd-registry-'));
  const htpasswdPath = join(dir, 'htpasswd');
  if (auth === 'htpasswd') await writeFile(htpasswdPath, users.map(htpasswdLine).join('\n') + '\n');
  const service = 'csnd-test-registry';
  const token = auth === 'token' ? await startTokenServer(users, service) : undefined;

  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const configPath = join(dir, 'config.yml');
    await writeFile(
      configPath,
      [
        'version: 0.1',
        'log:',
        '  level: error',
        '  accesslog:',
        '    disabled: true',
        'storage:',
        '  filesystem:',
        `    rootdirectory: ${join(dir, 'data')}`,
        '  delete:',
        '    enabled: true',
        'http:',
        `  addr: 127.0.0.1:${port}`,
        `  secret: ${randomBytes(16).toString('hex')}`,
        '',
      ].join('\n') + authConfig(auth, htpasswdPath, token?.info.realm, service),
    );
    let err = '';
    const child = spawn(REGISTRY_BINARY, ['serve', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntilUp(url, child, () => err);
    } catch (e) {
      child.kill('SIGKILL');
      // Another process may have taken the port between freePort() and bind: retry a few times.
      if (attempt < 3 && /address already in use/.test(err)) continue;
      token?.server.close();
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    const stop = async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      if (token) await new Promise((r) => token.server.close(r));
      await rm(dir, { recursive: true, force: true });
    };
    const firstUser = users[0];
    const pushAuthorization =
      auth === 'htpasswd' && firstUser ? basic(firstUser) : auth === 'token' ? 'Bearer push-helper' : undefined;
    return { url, host: `127.0.0.1:${port}`, port, auth, users, pushAuthorization, token: token?.info, dir, stop };
  }
}
