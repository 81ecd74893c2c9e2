// Docker config credentials, read from real files in a temp DOCKER_CONFIG dir.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { credentialsFor, dockerConfigPath } from '../../src/image/credentials.js';

const dirs: string[] = [];
async function configDir(config: object): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'csnd-creds-'));
  dirs.push(dir);
  await writeFile(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('registry credentials from the Docker config', () => {
  it('finds config.json under $DOCKER_CONFIG, else ~/.docker', () => {
    expect(dockerConfigPath({ DOCKER_CONFIG: '/c', HOME: '/h' })).toBe('/c/config.json');
    expect(dockerConfigPath({ HOME: '/h' })).toBe('/h/.docker/config.json');
  });

  it('decodes auths (base64 user:pass; the password may contain colons) by host, with or without scheme', async () => {
    const dir = await configDir({ auths: { 'https://r.example': { auth: b64('u:p:q') }, 'other.example': { auth: b64('x:y') } } });
    expect(await credentialsFor('r.example', { env: { DOCKER_CONFIG: dir } })).toEqual({ username: 'u', password: 'p:q' });
    expect(await credentialsFor('other.example', { env: { DOCKER_CONFIG: dir } })).toEqual({ username: 'x', password: 'y' });
    expect(await credentialsFor('none.example', { env: { DOCKER_CONFIG: dir } })).toBeUndefined();
  });

  it('maps Docker Hub to the legacy index URL key docker login writes', async () => {
    const dir = await configDir({ auths: { 'https://index.docker.io/v1/': { auth: b64('hub:pw') } } });
    expect(await credentialsFor('registry-1.docker.io', { env: { DOCKER_CONFIG: dir } })).toEqual({ username: 'hub', password: 'pw' });
  });

  it('asks credHelpers for their host and credsStore for the rest, falling back to auths', async () => {
    const dir = await configDir({ credHelpers: { 'r.example': 'ecr-login' }, credsStore: 'desktop', auths: { 'plain.example': { auth: b64('a:b') } } });
    const asked: string[] = [];
    const runCredentialHelper = async (name: string, host: string) => {
      asked.push(`${name} ${host}`);
      return name === 'ecr-login' ? { username: 'AWS', secret: 'tok' } : undefined;
    };
    const deps = { env: { DOCKER_CONFIG: dir }, runCredentialHelper };
    expect(await credentialsFor('r.example', deps)).toEqual({ username: 'AWS', password: 'tok' });
    expect(await credentialsFor('plain.example', deps)).toEqual({ username: 'a', password: 'b' });
    expect(asked).toEqual(['ecr-login r.example', 'desktop plain.example']);
  });

  it('a missing or broken config means anonymous, never an error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csnd-creds-'));
    dirs.push(dir);
    await writeFile(join(dir, 'config.json'), '{ not json');
    expect(await credentialsFor('r.example', { env: { DOCKER_CONFIG: dir } })).toBeUndefined();
    expect(await credentialsFor('r.example', { env: { DOCKER_CONFIG: join(dir, 'absent') } })).toBeUndefined();
  });
});
