// Property tests: whatever a project contains, detection returns facts that keep their promises
// (entry inside the project, a valid port, no credential values) or fails with a UsageError. Never a crash.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { detectProject } from '../../src/detect/index.js';
import { UsageError } from '../../src/errors.js';
import { memoryFs } from '../support/memory-fs.js';

const SECRET = 'tok_9f8e7d6c5b4a';
const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('../up.js', '/etc/passwd', 'a\nb.js', 'x"; rm -rf /', 'dist', '.', '', 'src/index.ts', 'server', 'lib/'),
);
const fileName = fc.constantFrom('server.js', 'index.js', 'app.mjs', 'src/index.ts', 'src/main.ts', 'dist/server.js', 'lib/index.js', 'worker.cjs');
const source = fc.oneof(
  fc.string(),
  fc.constantFrom("app.listen(process.env.PORT || 3000); app.get('/health')", 'listen(99999)', 'process.env.PORT ?? 0', 'createServer()'),
);

const manifest = fc.record(
  {
    name: hostile,
    main: hostile,
    type: fc.constantFrom('module', 'commonjs', 'weird'),
    packageManager: fc.oneof(hostile, fc.constantFrom('pnpm@9.15.9', 'yarn@4.9.2', 'yarn@1.22.22', 'npm@11.0.0')),
    scripts: fc.dictionary(fc.constantFrom('start', 'start:prod', 'serve', 'build'), fc.oneof(hostile, hostile.map((f) => `node ${f}`))),
    engines: fc.record({ node: hostile }),
    dependencies: fc.dictionary(fc.constantFrom('express', 'fastify', 'bcrypt', 'koa', '@nestjs/core', 'left-pad'), fc.constant('1')),
  },
  { requiredKeys: [] },
);

test('structured package.json, random files: facts keep their promises', async () => {
  await fc.assert(
    fc.asyncProperty(
      manifest,
      fc.dictionary(fileName, source),
      fc.constantFrom(undefined, `//r.example/:_authToken=${SECRET}\n`, '@acme:registry=https://r.example/\n'),
      fc.oneof(fc.constant(undefined), fc.string(), fc.constant('{ "compilerOptions": { "outDir": "../../escape" } }')),
      async (pkg, files, npmrc, tsconfig) => {
        const tree: Record<string, string> = { 'package.json': JSON.stringify(pkg), ...files };
        if (npmrc !== undefined) tree['.npmrc'] = npmrc;
        if (tsconfig !== undefined) tree['tsconfig.json'] = tsconfig;
        const facts = await detectProject(memoryFs(tree));
        if (facts.entry !== undefined) {
          expect(facts.entry).not.toMatch(/^\/|^\.\.(\/|$)|\n/);
          const built = facts.build !== undefined && facts.entry.startsWith(`${facts.build.outDir}/`);
          expect(built || facts.entry in tree).toBe(true);
        }
        if (facts.sourceEntry !== undefined) expect(facts.sourceEntry in tree).toBe(true);
        if (facts.build !== undefined) expect(facts.build.outDir).not.toMatch(/^\/|^\.\.(\/|$)/);
        if (facts.port !== undefined) expect(facts.port >= 1 && facts.port <= 65535).toBe(true);
        expect(JSON.stringify(facts)).not.toContain(SECRET);
        for (const warning of facts.warnings) expect(warning).not.toContain('\n');
      },
    ),
    { numRuns: 300 },
  );
});

test('any text as package.json: facts or a one-line UsageError, nothing else', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string(), fc.json()), async (text) => {
      const outcome = await detectProject(memoryFs({ 'package.json': text })).then(
        () => 'facts',
        (error: unknown) => error,
      );
      if (outcome !== 'facts') {
        expect(outcome).toBeInstanceOf(UsageError);
        expect((outcome as UsageError).message).not.toContain('\n');
      }
    }),
    { numRuns: 300 },
  );
});
