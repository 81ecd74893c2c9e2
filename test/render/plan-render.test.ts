// The Dockerfile, compose.yaml and README render a recipe's plan by looping over its lists: every
// list shows up where it belongs, whatever the recipe (no framework names in the template).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGenerateArgs as parseArgs } from '../support/parse-flags.js';
import { resolveOptions } from '../../src/options/resolve.js';
import type { RecipePlan } from '../../src/recipes/types.js';
import { renderFiles } from '../../src/render/index.js';
import { factsFor } from '../support/facts.js';
import { FIXED_IMAGE } from '../support/images.js';

const PLAN: RecipePlan = {
  id: 'test',
  label: 'Test framework',
  buildSteps: ['npx prisma generate', 'npm run build'],
  installInputs: [{ path: 'prisma/schema.prisma', kind: 'file' }],
  runtimeCopies: [
    { from: 'deps', src: 'node_modules' },
    { from: 'build', src: 'node_modules/.prisma' },
    { from: 'build', src: '.output' },
    { from: 'context', src: 'public', dest: 'static' },
  ],
  productionDependencies: true,
  command: ['node', '.output/server/index.mjs'],
  commandScript: '.output/server/index.mjs',
  env: { HOST: '0.0.0.0', TELEMETRY_DISABLED: '1' },
  buildEnv: { TELEMETRY_DISABLED: '1' },
  writablePaths: ['.cache'],
  systemPackages: { build: ['git'], runtime: ['openssl'] },
  shutdown: { kind: 'preload', how: 'the preload drains it' },
  dockerignore: ['.output'],
  nextSteps: ['Run the migrations as a release step.'],
  port: 4321,
};

function render(plan: RecipePlan, argv: string[] = []) {
  const parsed = parseArgs(['--yes', ...argv], { version: '0', width: 100 });
  if (parsed.kind !== 'run') throw new Error('expected a run');
  const options = resolveOptions(parsed.flags, factsFor(), {}, plan);
  const result = renderFiles({ options, image: FIXED_IMAGE, generatorVersion: '0', projectName: 'demo', plan });
  return (name: string) => result.files.find((f) => f.path === name)?.content;
}

describe('rendering a plan', () => {
  it('loops over install inputs, build env and steps, packages, copies, env, writable paths and the command', () => {
    const file = render(PLAN);
    const dockerfile = file('Dockerfile') ?? '';
    expect(dockerfile).toContain('RUN apk add --no-cache git');
    expect(dockerfile.match(/^COPY prisma\/schema\.prisma \.\/prisma\/schema\.prisma$/gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^ENV TELEMETRY_DISABLED=1\n(?:.*\n)*RUN npx prisma generate\nRUN npm run build$/m);
    expect(dockerfile).toContain('RUN apk add --no-cache dumb-init openssl');
    expect(dockerfile).toContain('ENV NODE_ENV=production HOST=0.0.0.0 TELEMETRY_DISABLED=1');
    expect(dockerfile).toMatch(
      /^COPY --from=deps \/app\/node_modules \.\/node_modules\nCOPY --from=build \/app\/node_modules\/\.prisma \.\/node_modules\/\.prisma\nCOPY --from=build \/app\/\.output \.\/\.output\nCOPY public \.\/static\nCOPY graceful-shutdown\.cjs \.\/$/m,
    );
    expect(dockerfile).toContain('RUN mkdir -p /app/.cache && chown 1000:1000 /app/.cache');
    expect(dockerfile).toContain('CMD ["dumb-init","node","--require","./graceful-shutdown.cjs",".output/server/index.mjs"]');
    expect(dockerfile).toContain('EXPOSE 4321');
    expect(file('graceful-shutdown.cjs')).toContain('gracefulShutdownEveryServer();');
    expect(file('.dockerignore')).toMatch(/^\.output$/m);
    expect(file('compose.yaml')).toMatch(/^ {6}HOST: "0\.0\.0\.0"$/m);
    expect(file('compose.yaml')).toContain('/app/.cache');
    expect(file('README.Docker.md')).toContain('- Run the migrations as a release step.');
    expect(file('README.Docker.md')).toContain('Test framework: the preload drains it.');
  });

  it('no deps stage when the runtime needs no production node_modules', () => {
    const dockerfile = render({ ...PLAN, productionDependencies: false, runtimeCopies: [{ from: 'build', src: '.output' }] })('Dockerfile') ?? '';
    expect(dockerfile).not.toContain('AS deps');
    expect(dockerfile).not.toContain('node_modules ./node_modules');
  });

  it('refuses a command whose script the runtime copies do not hold, naming it', () => {
    expect(() => render({ ...PLAN, commandScript: 'server.js', command: ['node', 'server.js'] })).toThrow(/runs server\.js, but the runtime stage copies only node_modules, node_modules\/\.prisma, \.output, static/);
  });

  it('the template has no framework names in it', () => {
    const template = readFileSync(new URL('../../templates/Dockerfile.hbs', import.meta.url), 'utf8');
    expect(template).not.toMatch(/\b(next|nuxt|nest|fastify|express|prisma|svelte|astro|remix)\b/i);
  });
});
