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

describe('Buildah (podman build --format docker), captured rootless on Podman 4.3', () => {
  it('one line per step, named by the stage FROM ... AS names, the instruction without --mount', () => {
    const { lines } = replay('podman-build-first.log');
    expect(lines[0]).toMatch(/^build step 1\/2 base: FROM node:26\.5\.0-alpine3\.24@sha256:[0-9a-f]+… \(\d+ s\)$/);
    expect(lines.find((l) => l.startsWith('build step 3/3 deps: '))).toMatch(/^build step 3\/3 deps: RUN npm ci --omit=dev --no-audit --no-fund && mkdir -p node_modules \(\d+ s\)$/);
    expect(lines.some((l) => l.startsWith('build step 10/10 runtime: CMD ["dumb-init","node","server.js"]'))).toBe(true);
    // FROM of a later stage is a reference, not work.
    expect(lines.some((l) => / deps: FROM /.test(l))).toBe(false);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('counts the steps Buildah took from its cache (--> Using cache)', () => {
    // The first build of this copy: WORKDIR and the package.json COPY came from an earlier build's cache.
    expect(replay('podman-build-first.log').progress.cachedSteps()).toBe(2);
    expect(replay('podman-build-cached.log').progress.cachedSteps()).toBe(6);
  });

  it("a failed build: the failing step's own output and Buildah's error, without npm notices", () => {
    const { progress } = replay('podman-build-failed.log');
    const failure = progress.failureLines();
    expect(failure.at(-1)).toBe('Error: building at STEP "RUN npm run build": while running runtime: exit status 2');
    expect(failure).toEqual(['> verify-uploads@1.0.0 build', `> node -e "console.error('tsc: error TS2307'); process.exit(2)"`, 'tsc: error TS2307', failure.at(-1)]);
    expect(progress.failureOutput()).toContain('tsc: error TS2307');
  });
});
