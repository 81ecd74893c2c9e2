// The engine-compatibility rules (no-copy-link, no-heredoc, no-secret-env-mount) exist because
// Docker Engine 20.10's built-in Dockerfile frontend rejects those features. This proves it on the
// real engine: each violating snippet is refused by 20.10 at parse time, and the rule catches it.
// Needs DOCKER_HOST pointing at a 20.10 engine (E2E_DOCKER_CLI for a BuildKit-capable client);
// skipped otherwise, since newer engines accept these features.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDockerfile } from '../support/dockerfile-rules.js';
import { engineForE2e } from '../e2e/rig/test-engine.js';

// Under E2E=1 (CI) the engine is started here, so this file runs instead of skipping.
const stopEngine = await engineForE2e();
afterAll(stopEngine, 120_000);

const cli = process.env.E2E_DOCKER_CLI ?? 'docker';
const version = process.env.DOCKER_HOST ? spawnSync(cli, ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }) : undefined;
const skipReason = !process.env.DOCKER_HOST
  ? 'DOCKER_HOST is not set'
  : version?.status !== 0
    ? `the engine does not answer: ${version?.stderr.trim()}`
    : !version.stdout.startsWith('20.10.')
      ? `the engine is ${version.stdout.trim()}, not 20.10`
      : '';
if (skipReason) console.warn(`skipping the Docker Engine 20.10 frontend test: ${skipReason}`);

describe.skipIf(skipReason !== '')('Docker Engine 20.10 built-in frontend', () => {
  const work = skipReason ? '' : mkdtempSync(path.join(tmpdir(), 'frontend-'));
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  function build(dockerfile: string): string {
    writeFileSync(path.join(work, 'Dockerfile'), dockerfile);
    writeFileSync(path.join(work, 'f'), 'x\n');
    const result = spawnSync(cli, ['build', '-q', '--output', `type=local,dest=${path.join(work, 'out')}`, work], {
      encoding: 'utf8',
      env: { ...process.env, DOCKER_BUILDKIT: '1' },
    });
    return result.status === 0 ? '' : result.stderr;
  }

  it('builds the plain form of each feature', () => {
    expect(build('FROM scratch\nCOPY f /f\n')).toBe('');
  });

  it.each([
    ['no-copy-link', 'FROM scratch\nCOPY --link f /f\n', 'Unknown flag: link'],
    ['no-heredoc', 'FROM scratch\nCOPY <<EOF /g\nhello\nEOF\n', 'unknown instruction: HELLO'],
    ['no-secret-env-mount', 'FROM scratch\nRUN --mount=type=secret,id=npmrc,env=NPMRC true\n', "unexpected key 'env'"],
  ])('%s: the engine refuses it and the rule catches it', (rule, dockerfile, engineError) => {
    expect(build(dockerfile)).toContain(engineError);
    expect(checkDockerfile(dockerfile).map((v) => v.rule)).toContain(rule);
  });
});
