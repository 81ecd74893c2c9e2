// Differential test against the real Docker engine: for several .dockerignore files (the generated
// one, the yarn berry one, a merge, and tricky user patterns), the files Docker actually sends in
// the build context must be exactly the files dockerignore-pattern.ts says are not ignored.
// Needs a running engine with BuildKit: set DOCKER_HOST (and E2E_DOCKER_CLI if the client on PATH
// cannot build with BuildKit without buildx, e.g. /usr/bin/docker from docker.io). Skipped otherwise.
// DOCKERIGNORE_RUNS sets how many random files the property builds (default 25, ~0.6 s each).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeDockerignore, renderDockerignore, requiredDockerignoreLines } from '../../src/files/dockerignore.js';
import { isIgnored, parseDockerignore } from '../../src/files/dockerignore-pattern.js';
import { engineForE2e } from '../e2e/rig/test-engine.js';

// Under E2E=1 (CI) the engine is started here, so this file runs instead of skipping.
const stopEngine = await engineForE2e();
afterAll(stopEngine, 120_000);

const cli = process.env.E2E_DOCKER_CLI ?? 'docker';
const engine = process.env.DOCKER_HOST ? spawnSync(cli, ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }) : undefined;
const skipReason = !process.env.DOCKER_HOST ? 'DOCKER_HOST is not set' : engine?.status !== 0 ? `the engine does not answer: ${engine?.stderr.trim()}` : '';
if (skipReason) console.warn(`skipping the Docker build-context test: ${skipReason}`);

const PATHS = [
  'package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'tsconfig.json', 'src/index.ts', 'src/logs/logger.ts',
  'src/coverage.ts', 'lib/keys.js', '.yarn/releases/yarn-4.5.0.cjs', '.nvmrc', 'README.md', 'README-secret.md', 'CHANGELOG.md',
  'docs/guide.md', 'node_modules/express/index.js', 'packages/api/node_modules/x/index.js', 'npm-debug.log.4242', 'yarn-error.log',
  '.git/HEAD', '.gitignore', 'Dockerfile.dev', 'compose.override.yml', 'docker-compose.yml', '.npmrc', 'packages/api/.npmrc',
  '.yarnrc', '.yarnrc.yml', '.env', '.env.production', 'config/.env.local', 'certs/server.pem', 'server.key', 'keys/id_rsa.pub',
  'coverage/lcov.info', '.nyc_output/out.json', '.vscode/settings.json', 'src/.server.js.swp', 'logs/app.txt', 'server.log',
  'a/b/c/keep.txt', 'a/x/b/file.txt', 'temp1', 'temp12', 'b.txt', 'd.txt', 'dir with space/f.txt',
];

const VARIANTS: Record<string, string> = {
  generated: renderDockerignore(),
  'yarn berry': renderDockerignore({ keep: ['.yarnrc.yml'] }),
  'merged into a user file': mergeDockerignore('node_modules/\n!.env.production\n/coverage/\n', requiredDockerignoreLines()).text,
  'user re-include after the entries': `${renderDockerignore()}!.env.production\n`,
  'markdown with exceptions': '*.md\n!README*.md\nREADME-secret.md\n',
  'double star in the middle and at the end': 'a/**/b\nlogs/**\n',
  'everything but a few': '**\n!package.json\n!src\n!a/**/keep.txt\n',
  'single-character and class patterns': 'temp?\n[a-c].txt\n./dir with space/\n',
};

describe.skipIf(skipReason !== '')('the build context Docker sends matches isIgnored', () => {
  const work = skipReason ? '' : mkdtempSync(path.join(tmpdir(), 'docker-context-'));
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it.each(Object.entries(VARIANTS))('%s', (name, dockerignore) => {
    expectDockerAgrees(name, dockerignore);
  });

  it('property: random .dockerignore files built from tricky lines', () => {
    const line = fc.constantFrom(
      '*.md', '!README*.md', 'a/**/b', '**', '!src', '!a', 'src/*.ts', '!src/index.ts', 'logs', '/coverage/', '**/node_modules',
      '!packages/api/node_modules', '.env*', '!.env.production', 'temp?', '*/b', 'a/*', '!a/b/c', '!**/.npmrc', 'packages',
    );
    let run = 0;
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => expectDockerAgrees(`random-${run++}`, `${lines.join('\n')}\n`)), { numRuns: Number(process.env.DOCKERIGNORE_RUNS ?? 25) });
  }, 180_000);

  function expectDockerAgrees(name: string, dockerignore: string): void {
    const context = path.join(work, name.replace(/\W+/g, '-'));
    rmSync(context, { recursive: true, force: true });
    rmSync(`${context}-out`, { recursive: true, force: true });
    for (const file of PATHS) {
      mkdirSync(path.join(context, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(context, file), 'x\n');
    }
    writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\nCOPY . /ctx/\n');
    writeFileSync(path.join(context, '.dockerignore'), dockerignore);
    const out = `${context}-out`;
    const build = spawnSync(cli, ['build', '-q', '--output', `type=local,dest=${out}`, context], {
      encoding: 'utf8',
      env: { ...process.env, DOCKER_BUILDKIT: '1' },
    });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const sent = readdirSync(path.join(out, 'ctx'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(path.join(out, 'ctx'), path.join(entry.parentPath, entry.name)))
      .sort();
    const lines = parseDockerignore(dockerignore);
    const predicted = [...PATHS, 'Dockerfile', '.dockerignore'].filter((file) => !isIgnored(lines, file)).sort();
    expect(sent, dockerignore).toEqual(predicted);
  }
});
