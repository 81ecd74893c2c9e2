// The bundle carries the shutdown template with its types stripped at build time
// (scripts/stripped-shutdown.mjs); from source it is stripped when the module loads. Both must be
// the same text, and the bundle must not strip at run time.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { strippedShutdownTemplate } from '../../scripts/stripped-shutdown.mjs';
import { strippedTemplate } from '../../src/shutdown/stripped-template.js';
import { shutdownModuleSource, PRELOAD_FILE } from '../../src/shutdown/module.js';
import { assertBuilt, BIN, ROOT } from '../support/built-bin.js';
import { copyFixture } from '../support/cli-harness.js';

describe('stripped shutdown template', () => {
  it('the build computes the same text as the source', async () => {
    expect(strippedTemplate).toContain('gracefulShutdownEveryServer');
    expect(strippedTemplate).not.toMatch(/:\s*(?:number|string|boolean)\b/);
    expect(await strippedShutdownTemplate()).toBe(strippedTemplate);
  });

  it('the built CLI writes the same graceful-shutdown.cjs as the source, and carries no stripper', async () => {
    assertBuilt();
    const dist = path.join(ROOT, 'dist');
    const texts = readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => readFileSync(path.join(dist, f), 'utf8'));
    // The stripper's own error message, kept through minifying.
    expect(texts.some((t) => t.includes('never ends'))).toBe(false);
    const app = await copyFixture('express-cjs');
    try {
      await promisify(execFile)(process.execPath, [BIN, '--yes', '--offline'], { cwd: app.dir, env: { PATH: process.env.PATH ?? '', HOME: app.dir } });
      expect(readFileSync(path.join(app.dir, PRELOAD_FILE), 'utf8')).toBe(shutdownModuleSource('preload'));
    } finally {
      await app.cleanup();
    }
  });
});
