// BuildKit plain progress (captured from real builds in the e2e rig) -> progress lines and the
// lines that say why a build failed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BuildProgress, parseStepLine } from '../../src/verify/build-progress.js';

const LOGS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'logs');
const replay = (name: string, stepMs = 1000) => {
  let t = 0;
  const lines: string[] = [];
  const progress = new BuildProgress(() => t, (l) => lines.push(l));
  for (const line of readFileSync(path.join(LOGS, name), 'utf8').split('\n')) {
    t += stepMs;
    progress.line(line);
  }
  return { progress, lines };
};

describe('BuildKit --progress=plain', () => {
  it('one line per step, with the stage, N/M, the instruction without --mount and the elapsed seconds', () => {
    const { lines } = replay('buildkit-cached.log');
    expect(lines[0]).toMatch(/^build step 1\/2 base: FROM docker\.io\/library\/node:26\.5\.0-alpine3\.24@sha256:/);
    const install = lines.find((l) => l.startsWith('build step 2/2 deps: '));
    expect(install).toBe(`build step 2/2 deps: RUN npm ci --omit=dev --no-audit --no-fund && mkdir -p node_modules (${install?.match(/\((\d+) s\)$/)?.[1]} s)`);
    // The clock advanced 1 s per line: the seconds are those of the line the step appeared on.
    expect(Number(install?.match(/\((\d+) s\)$/)?.[1])).toBeGreaterThan(20);
    expect(lines.every((l) => /\(\d+ s\)$/.test(l))).toBe(true);
    // Steps are reported once, however many lines BuildKit prints for them.
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('counts the CACHED steps', () => {
    expect(replay('buildkit-cached.log').progress.cachedSteps()).toBe(6);
  });

  it("a failed build: the failing step's own output and BuildKit's error, without npm notices", () => {
    const failure = replay('buildkit-failed.log').progress.failureLines();
    expect(failure.at(-1)).toBe('#14 ERROR: executor failed running [/bin/sh -c npm run build]: exit code: 2');
    expect(failure).toContain('tsc: error TS2307');
    expect(failure.some((l) => l.includes('npm notice') || l.startsWith('sha256:'))).toBe(false);
  });

  it('parses a step line and leaves other lines alone', () => {
    expect(parseStepLine('#11 [runtime 3/3] COPY . .')).toEqual({ vertex: 11, stage: 'runtime', index: 3, total: 3, name: 'COPY . .' });
    expect(parseStepLine('#11 CACHED')).toBeUndefined();
    expect(parseStepLine('#7 [internal] load build context')).toBeUndefined();
  });
});
