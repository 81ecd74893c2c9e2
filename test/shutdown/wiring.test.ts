// The two wiring lines the CLI prints: right import form per flavour, valid syntax, and for the
// frameworks with a test app, the call passes what that app passes (signals.test.ts runs them).
import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import type { Framework } from '../../src/detect/facts.js';
import { shutdownWiring } from '../../src/shutdown/module.js';
import type { ShutdownFlavor } from '../../src/shutdown/module.js';

const FRAMEWORKS: Framework[] = ['express', 'fastify', 'koa', 'hapi', 'nest', 'http', 'unknown'];
const FLAVOURS: ShutdownFlavor[] = ['cjs', 'esm', 'ts'];

function syntaxErrors(code: string, flavor: ShutdownFlavor): string[] {
  const { diagnostics = [] } = ts.transpileModule(code, {
    compilerOptions: { module: flavor === 'cjs' ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext },
    fileName: flavor === 'ts' ? 'entry.ts' : flavor === 'esm' ? 'entry.mjs' : 'entry.cjs',
    reportDiagnostics: true,
  });
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('shutdownWiring', () => {
  test('Express with CommonJS prints the require line and the call on the server', () => {
    expect(shutdownWiring('express', 'cjs', './graceful-shutdown.js')).toEqual([
      "const { gracefulShutdown } = require('./graceful-shutdown.js');",
      'gracefulShutdown(server); // server = app.listen(port)',
    ]);
  });

  test.each(FLAVOURS.flatMap((flavor) => FRAMEWORKS.map((framework) => [framework, flavor] as const)))(
    '%s / %s: two lines, the import form of the flavour, valid syntax',
    (framework, flavor) => {
      const specifier = flavor === 'esm' ? './graceful-shutdown.mjs' : './graceful-shutdown.js';
      const lines = shutdownWiring(framework, flavor, specifier);
      expect(lines).toHaveLength(2);
      const [importLine, callLine] = lines;
      expect(importLine).toBe(
        flavor === 'cjs'
          ? `const { gracefulShutdown } = require('${specifier}');`
          : `import { gracefulShutdown } from '${specifier}';`,
      );
      expect(callLine).toMatch(/^gracefulShutdown\(.+\); \/\/ \S/);
      expect(syntaxErrors(lines.join('\n'), flavor)).toEqual([]);
    },
  );

  test('NestJS names enableShutdownHooks and passes the app; hapi goes through server.stop()', () => {
    expect(shutdownWiring('nest', 'ts', './graceful-shutdown.js')[1]).toMatch(/^gracefulShutdown\(app\);.*app\.enableShutdownHooks\(\)/);
    expect(shutdownWiring('hapi', 'cjs', './graceful-shutdown.js')[1]).toMatch(/^gracefulShutdown\(\{ close: \(\) => server\.stop\(\) \}\);/);
  });

  test.each(['express', 'fastify', 'koa', 'http'] as const)('%s: the printed call passes what the tested %s app passes', async (framework) => {
    const app = await readFile(new URL(`./apps/${framework}.ts`, import.meta.url), 'utf8');
    const passedByApp = /gracefulShutdown\((\w+)/.exec(app)?.[1];
    const printed = /^gracefulShutdown\((\w+)\)/.exec(shutdownWiring(framework, 'esm', './x.js')[1] ?? '')?.[1];
    expect(printed).toBeDefined();
    expect(printed).toBe(passedByApp);
  });

  test('a specifier with a quote or backslash stays one string literal', () => {
    const [importLine = ''] = shutdownWiring('http', 'esm', "./it's\\here.js");
    expect(importLine).toBe("import { gracefulShutdown } from './it\\'s\\\\here.js';");
    expect(syntaxErrors(importLine, 'esm')).toEqual([]);
  });
});
