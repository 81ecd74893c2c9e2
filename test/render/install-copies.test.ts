// What goes in before an install: a single package, a workspace (every manifest), a Turborepo
// workspace (turbo prune's json/ only, the other install inputs from the context), and the prune
// stage's lines with and without the private-registry secret.
import { describe, expect, test } from 'vitest';
import { installCopies, turboPruneLines } from '../../src/render/install-copies.js';
import type { WorkspaceStages } from '../../src/recipes/types.js';
import { installFile, installFolder } from '../../src/core/install-input.js';

const ws = (extra: Partial<WorkspaceStages> = {}): WorkspaceStages => ({
  dir: 'apps/api',
  rootFiles: ['pnpm-workspace.yaml'],
  manifestDirs: ['apps/api', 'apps/other', 'packages/shared'],
  productionInstall: undefined,
  pruneDirs: [],
  fullInstall: 'pnpm install --frozen-lockfile',
  prepare: [],
  note: undefined,
  ...extra,
});
const inputs = [
  installFile('.npmrc'),
  installFile('pnpm-workspace.yaml'),
  installFolder('patches'),
];

describe('install copies', () => {
  test('a single package: manifests and root inputs in one COPY, folders by path', () => {
    expect(installCopies(['package.json', 'package-lock.json'], [inputs[0]!, inputs[2]!], undefined)).toEqual(['package.json package-lock.json .npmrc ./', 'patches ./patches']);
  });

  test('a workspace: the root files once, then every package manifest', () => {
    expect(installCopies(['package.json', 'pnpm-lock.yaml'], inputs, ws())).toEqual([
      'package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./',
      'apps/api/package.json apps/api/',
      'apps/other/package.json apps/other/',
      'packages/shared/package.json packages/shared/',
      'patches ./patches',
    ]);
  });

  test('turbo prune: json/ from the prune stage; the context adds .npmrc and patches/ but never a manifest, the lockfile or pnpm-workspace.yaml', () => {
    expect(installCopies(['package.json', 'pnpm-lock.yaml'], inputs, ws({ turboPrune: { version: '2.11.13', packageName: 'api' } }))).toEqual(['--from=prune /prune/json/ ./', '.npmrc ./', 'patches ./patches']);
    expect(installCopies(['package.json', 'pnpm-lock.yaml'], [], ws({ turboPrune: { version: '2.11.13', packageName: 'api' } }))).toEqual(['--from=prune /prune/json/ ./']);
  });

  test('the prune stage installs turbo at the pinned version, through the registry secret when there is one', () => {
    const prune = { version: '2.11.13', packageName: '@acme/api' };
    expect(turboPruneLines(prune, undefined)).toEqual({ install: '--mount=type=cache,target=/root/.npm \\\n    npm install -g turbo@2.11.13', command: 'turbo prune @acme/api --docker --out-dir /prune' });
    expect(turboPruneLines(prune, '--mount=type=secret,id=npmrc,target=/root/.npmrc').install).toBe('--mount=type=secret,id=npmrc,target=/root/.npmrc \\\n    --mount=type=cache,target=/root/.npm \\\n    npm install -g turbo@2.11.13');
  });
});
