// Focused properties of rendered files, each stated once (the golden files show whole outputs).
import { describe, expect, it } from 'vitest';
import { parseGenerateArgs as parseArgs } from '../support/parse-flags.js';
import type { ProjectFacts } from '../../src/detect/facts.js';
import { resolved } from '../support/resolve.js';
import { renderFiles } from '../../src/render/index.js';
import { modelDockerfile } from '../support/dockerfile-model.js';
import { checkDockerfile } from '../support/dockerfile-rules.js';
import { factsFor } from '../support/facts.js';
import { FIXED_IMAGE, FIXED_SLIM_IMAGE } from '../support/images.js';

async function render(argv: string[], facts: Partial<ProjectFacts> = {}) {
  const parsed = parseArgs(['--yes', ...argv], { version: '0', width: 100 });
  if (parsed.kind !== 'run') throw new Error('expected a run');
  const { options, plan } = await resolved(parsed.flags, factsFor(facts));
  const result = renderFiles({ options, image: options.base === 'slim' ? FIXED_SLIM_IMAGE : FIXED_IMAGE, generatorVersion: '0', projectName: 'demo', plan });
  const file = (name: string) => result.files.find((f) => f.path === name)?.content ?? '';
  return { ...result, file };
}

/** The text of one stage, from its FROM line to the next FROM. */
function stage(dockerfile: string, name: string): string {
  const match = new RegExp(`^FROM \\S+ AS ${name}\\n([\\s\\S]*?)(?=^FROM |$(?![\\s\\S]))`, 'm').exec(dockerfile);
  if (!match) throw new Error(`no stage ${name}`);
  return match[0];
}

describe('rendered files', () => {
  it('every FROM of the official image carries the exact tag and the digest', async () => {
    const { file } = (await render(['--native'], { build: { script: 'build', outDir: 'dist' }, entry: 'dist/server.js', sourceEntry: 'src/server.ts' }));
    const froms = file('Dockerfile').split('\n').filter((l) => l.startsWith('FROM '));
    expect(froms.length).toBeGreaterThanOrEqual(4);
    const external = froms.filter((l) => l.startsWith('FROM node:'));
    expect(external).toEqual([`FROM ${FIXED_IMAGE.ref} AS base`]);
    expect(modelDockerfile(file('Dockerfile')).stages.length).toBe(froms.length);
  });

  it('native modules: the compiler lives in the tools stage on the same base, never in the runtime', async () => {
    const dockerfile = (await render(['--native'])).file('Dockerfile');
    expect(stage(dockerfile, 'tools')).toContain('RUN apk add --no-cache python3 make g++');
    expect(stage(dockerfile, 'runtime')).not.toMatch(/g\+\+|make|python3/);
    expect(stage(dockerfile, 'runtime')).toMatch(/^FROM base AS runtime/);
  });

  it('a private registry: the token comes only through the secret mount of install steps', async () => {
    const { file } = (await render([], { registry: { scopes: [{ scope: '@acme', url: 'https://npm.acme.dev/' }], hasToken: true }, build: { script: 'build', outDir: 'dist' }, entry: 'dist/server.js', sourceEntry: 'src/server.ts' }));
    const dockerfile = file('Dockerfile');
    expect(stage(dockerfile, 'deps')).toContain('--mount=type=secret,id=npmrc,target=/root/.npmrc');
    expect(stage(dockerfile, 'build')).toContain('--mount=type=secret,id=npmrc,target=/root/.npmrc');
    expect(stage(dockerfile, 'runtime')).not.toContain('secret');
    expect(dockerfile).not.toMatch(/^(ARG|ENV) .*(TOKEN|npmrc)/im);
    expect(file('compose.yaml')).toMatch(/secrets:\n\s+- npmrc/);
    expect(file('README.Docker.md')).toContain('--secret id=npmrc');
  });

  it('workers: no EXPOSE, no HEALTHCHECK, no published port', async () => {
    const { file } = (await render(['--worker']));
    expect(file('Dockerfile')).not.toMatch(/^(EXPOSE|HEALTHCHECK)/m);
    expect(file('compose.yaml')).not.toMatch(/ports:|healthcheck:/);
  });

  it('a port below 1024 warns and recommends a high port', async () => {
    expect((await render(['--port', '80'])).warnings.join('\n')).toMatch(/port 80 is below 1024.*high port/);
    expect((await render(['--port', '8080'])).warnings).toEqual([]);
  });

  it('slim: apt-get without recommends and with list cleanup; no apk; no HTML escaping of &&', async () => {
    const dockerfile = (await render(['--base', 'slim', '--native'])).file('Dockerfile');
    expect(dockerfile).not.toContain('apk ');
    expect(dockerfile).toContain('apt-get install -y --no-install-recommends dumb-init');
    expect(dockerfile).toContain('&& rm -rf /var/lib/apt/lists/*');
    expect(dockerfile).not.toContain('&amp;');
  });

  it('writable dirs are created for uid 1000 and mounted as volumes in compose', async () => {
    const { file } = (await render(['--writable-dir', 'uploads']));
    expect(file('Dockerfile')).toContain('RUN mkdir -p /app/uploads && chown 1000:1000 /app/uploads');
    expect(file('compose.yaml')).toMatch(/volumes:\n\s+- demo-uploads:\/app\/uploads/);
  });

  it('yarn berry: node-modules linker, immutable install, .yarnrc.yml kept in the build context', async () => {
    const { file } = (await render([], { packageManager: { name: 'yarn', lockfile: 'yarn.lock', yarnBerry: true, version: '4.9.2' } }));
    expect(file('Dockerfile')).toContain('RUN npm install -g @yarnpkg/cli-dist@4.9.2');
    expect(file('Dockerfile')).toContain('yarn workspaces focus --all --production');
    expect(file('Dockerfile')).toContain('COPY package.json yarn.lock .yarnrc.ym[l] ./');
    expect(file('.dockerignore')).toContain('!.yarnrc.yml');
  });

  it('compose: stop_grace_period outlasts the shutdown timeout', async () => {
    const compose = (await render([])).file('compose.yaml');
    const grace = Number(/stop_grace_period: (\d+)s/.exec(compose)?.[1]);
    const timeout = Number(/graceful-shutdown timeout \((\d+)s\)/.exec(compose)?.[1]);
    expect(grace).toBeGreaterThan(timeout);
    expect(compose).toMatch(/read_only: true[\s\S]*cap_drop:\n\s+- ALL[\s\S]*no-new-privileges:true/);
  });
});

describe('the runtime stage holds what the command runs', () => {
  it('a build script plus `node server.js` outside outDir is refused naming the missing file (it would copy only dist/)', async () => {
    await expect(render([], { build: { script: 'build', outDir: 'dist' }, entry: 'server.js' })).rejects.toThrow(
      /the start command runs server\.js, but the runtime stage copies only node_modules, package\.json, dist, graceful-shutdown\.cjs: server\.js would be missing/,
    );
  });

  it('the same app without a build copies the context, which holds server.js', async () => {
    expect((await render([], { entry: 'server.js' })).file('Dockerfile')).toMatch(/^COPY \. \.$/m);
  });
});

describe('build variables (--build-arg, --build-secret)', () => {
  const built = { build: { script: 'build', outDir: 'dist' }, entry: 'dist/server.js', sourceEntry: 'src/server.ts' } as const;

  it('an ARG after the install, a required secret mount on the build script only, and nothing of either in the runtime stage', async () => {
    const { file } = (await render(['--build-arg', 'PUBLIC_URL', '--build-secret', 'API_TOKEN', '--build-secret', 'SENTRY_AUTH_TOKEN'], built));
    const build = stage(file('Dockerfile'), 'build');
    expect(build).toContain(
      'COPY . .\nARG PUBLIC_URL\nRUN --mount=type=secret,id=API_TOKEN,required=true \\\n    --mount=type=secret,id=SENTRY_AUTH_TOKEN,required=true \\\n    API_TOKEN="$(cat /run/secrets/API_TOKEN)" SENTRY_AUTH_TOKEN="$(cat /run/secrets/SENTRY_AUTH_TOKEN)" npm run build\n',
    );
    // The ARG comes after the install, so a new value does not re-run it.
    expect(build.indexOf('ARG PUBLIC_URL')).toBeGreaterThan(build.indexOf('npm ci'));
    expect(stage(file('Dockerfile'), 'runtime')).not.toMatch(/PUBLIC_URL|API_TOKEN|SENTRY/);
    expect(checkDockerfile(file('Dockerfile'))).toEqual([]);
    expect(file('Dockerfile')).toContain('# Build: DOCKER_BUILDKIT=1 docker build --build-arg PUBLIC_URL --secret id=API_TOKEN,env=API_TOKEN --secret id=SENTRY_AUTH_TOKEN,env=SENTRY_AUTH_TOKEN -t demo .');
  });

  it('compose.yaml passes the arg from the environment (stopping when unset) and the secrets from the environment', async () => {
    const compose = (await render(['--build-arg', 'PUBLIC_URL', '--build-secret', 'API_TOKEN'], built)).file('compose.yaml');
    expect(compose).toContain('      args:\n        PUBLIC_URL: ${PUBLIC_URL:?set PUBLIC_URL for the build}\n      secrets:\n        - API_TOKEN\n');
    expect(compose).toMatch(/\nsecrets:\n {2}API_TOKEN:\n {4}# Read by the build step only \(--build-secret\), from the environment compose runs in\.\n {4}environment: API_TOKEN\n$/);
  });

  it('with a private registry, the npmrc secret and the build secrets side by side', async () => {
    const compose = (await render(['--build-secret', 'API_TOKEN', '--npm-registry', 'https://npm.example.com/'], built)).file('compose.yaml');
    expect(compose).toContain('      secrets:\n        - npmrc\n        - API_TOKEN\n');
    expect(compose).toMatch(/\nsecrets:\n {2}npmrc:\n[\s\S]*file: \$\{NPMRC_PATH:-\$\{HOME\}\/\.npmrc\}\n {2}API_TOKEN:\n/);
  });

  it('README.Docker.md says what each is and how to pass it; without any, how to add them', async () => {
    const readme = (await render(['--build-arg', 'PUBLIC_URL', '--build-secret', 'API_TOKEN'], built)).file('README.Docker.md');
    expect(readme).toContain('The build step reads `PUBLIC_URL` and `API_TOKEN`');
    expect(readme).toContain('`PUBLIC_URL` is an `ARG` line in the build stage');
    expect(readme).toContain('`API_TOKEN` is a BuildKit secret (`--build-secret`)');
    const plain = (await render([], built)).file('README.Docker.md');
    expect(plain).toContain('- `--build-secret NAME` for a secret');
  });
});
