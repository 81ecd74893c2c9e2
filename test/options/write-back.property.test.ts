// Property: for random option sets (every option), the non-interactive command an interactive run
// prints, and the Regenerate line it writes into the Dockerfile, both reproduce that run's files
// byte for byte. Real fixture copies, the real CLI in-process; only the image resolver is fixed.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyFixture, runInProcess } from '../support/cli-harness.js';
import { shellWords } from '../support/shell-words.js';

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const flag = (name: string, value: fc.Arbitrary<string>) => optional(value.map((v) => [name, v]));
const toggle = (name: string) => optional(fc.constantFrom([`--${name}`], [`--no-${name}`]));

const fixtureFlags = fc.oneof(
  fc.record({ fixture: fc.constant('express-cjs'), extra: fc.constant<string[][]>([]) }),
  fc.record({ fixture: fc.constant('typescript-build'), extra: fc.constantFrom([], [['--build']], [['--build-arg', 'PUBLIC_URL'], ['--build-secret', 'API_TOKEN'], ['--build-secret', 'SENTRY_AUTH_TOKEN']]) }),
  fc.record({
    fixture: fc.constant('no-lockfile'),
    extra: fc.constantFrom('npm', 'pnpm', 'yarn').map((pm) => [['--allow-no-lockfile'], ['--package-manager', pm]]),
  }),
);

const optionSet = fc.record({
  target: fixtureFlags,
  worker: toggle('worker'),
  port: flag('--port', fc.integer({ min: 1024, max: 65535 }).map(String)),
  health: optional(fc.oneof(fc.constant(['--no-healthcheck']), fc.constantFrom('/health', '/status/ready', '/-/ok').map((p) => ['--healthcheck-path', p]))),
  writable: fc.uniqueArray(fc.constantFrom('uploads', 'data/cache', 'tmp', 'var/log.d'), { maxLength: 3 }).map((dirs) => dirs.flatMap((d) => ['--writable-dir', d])),
  node: flag('--node', fc.constantFrom('20', '^24', '>=22', '22.x', '>=20 <27', '24 || 26', '~26.1')),
  native: toggle('native'),
  npmRegistry: flag('--npm-registry', fc.constantFrom('https://npm.example.com/', 'http://verdaccio.internal:4873/')),
  base: flag('--base', fc.constantFrom('alpine', 'slim')),
  mirror: flag('--registry-mirror', fc.constantFrom('https://mirror.example.com/', 'http://127.0.0.1:5000/')),
  baseImage: flag('--base-image', fc.constantFrom('registry.example.com/node', 'localhost:5000/base/node')),
  digest: flag('--digest', fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }).map((h) => `sha256:${h}`)),
  offline: optional(fc.constant(['--offline'])),
  noFallback: optional(fc.constant(['--no-fallback'])),
  kubernetes: optional(fc.constant(['--kubernetes'])),
  kubernetesImage: flag('--kubernetes-image', fc.constantFrom(`registry.example.com/team/app@sha256:${'c'.repeat(64)}`, `localhost:5000/app:1.2.3@sha256:${'d'.repeat(64)}`)),
});

function argvOf(set: object): string[] {
  const { target, ...rest } = set as { target: { extra: string[][] } } & Record<string, string[] | undefined>;
  return [...target.extra.flat(), ...Object.values(rest).flatMap((v) => v ?? [])];
}

async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), await readFile(full, 'utf8'));
  }
  return files;
}

describe('written-back options reproduce the run', () => {
  it('the printed equivalent command and the Regenerate line give byte-identical files', async () => {
    await fc.assert(
      fc.asyncProperty(optionSet, async (set) => {
        const argv = argvOf(set);
        const target = (set as { target: { fixture: string } }).target.fixture;
        const first = await copyFixture(target);
        const second = await copyFixture(target);
        try {
          const interactive = await runInProcess(argv, { cwd: first.dir, isTTY: true });
          expect(interactive.code, `${argv.join(' ')}\n${interactive.stderr}`).toBe(0);
          const printed = /Same result without prompts:\n {2}(.*)\n/.exec(interactive.stderr)?.[1] ?? '';
          const [npx, name, ...printedArgv] = shellWords(printed);
          expect([npx, name]).toEqual(['npx', 'create-secure-node-docker']);

          const scripted = await runInProcess(printedArgv, { cwd: second.dir });
          expect(scripted.code, `${printed}\n${scripted.stderr}`).toBe(0);
          expect(scripted.questions).toEqual([]);
          expect(scripted.requests).toEqual(interactive.requests);
          expect(await filesOf(second.dir)).toEqual(await filesOf(first.dir));

          // The Regenerate line, run in the project it was written into, changes nothing.
          const dockerfile = await readFile(path.join(first.dir, 'Dockerfile'), 'utf8');
          const line = /^# Regenerate: (.*)$/m.exec(dockerfile)?.[1] ?? '';
          const regenerate = await runInProcess([...shellWords(line).slice(2), '--json'], { cwd: first.dir });
          expect(regenerate.code, `${line}\n${regenerate.stderr}`).toBe(0);
          const actions = (JSON.parse(regenerate.stdout) as { files: { action: string }[] }).files.map((f) => f.action);
          expect(actions.length).toBeGreaterThanOrEqual(5);
          expect(actions.every((a) => a === 'unchanged'), `${line}: ${actions.join(', ')}`).toBe(true);
        } finally {
          await Promise.all([first.cleanup(), second.cleanup()]);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
