// Issue 13 item 5: an existing docker-compose.yml / docker-compose.yaml / compose.yml is the user's
// choice of compose file. Writing compose.yaml beside it would make `docker compose` pick ours
// (compose.yaml comes first in its lookup order), so the tool leaves it alone, writes no
// compose.yaml, and hands over the hardened settings in the report and README.Docker.md.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { copyFixture, readText, runInProcess } from '../support/cli-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

const USER_COMPOSE = 'services:\n  web:\n    build: .\n    ports: ["8080:3000"]\n';

describe('a compose file of the user’s own', () => {
  for (const name of ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml']) {
    test(`${name} is left alone and no compose.yaml shadows it`, async () => {
      const { dir, cleanup } = await copyFixture('express-cjs');
      cleanups.push(cleanup);
      await writeFile(path.join(dir, name), USER_COMPOSE);
      const result = await runInProcess(['--yes', '--offline', '--json'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as { files: { path: string }[] };
      expect(report.files.map((f) => f.path)).not.toContain('compose.yaml');
      expect(await readdir(dir)).not.toContain('compose.yaml');
      expect(await readText(dir, name)).toBe(USER_COMPOSE);
      expect(result.stderr).toContain(`${name} is left as it is`);
      expect(result.stderr).toMatch(/^ {4}\s*read_only: true$/m);
      expect(result.stderr).toMatch(/cap_drop:\n\s+- ALL/);
      const readme = await readText(dir, 'README.Docker.md');
      expect(readme).toContain(`Your \`${name}\` was left as it is`);
      expect(readme).toMatch(/```yaml\nservices:\n {2}express-cjs:\n[\s\S]*read_only: true[\s\S]*no-new-privileges:true[\s\S]*```/);
      expect(readme).not.toContain('which applies the same settings from `compose.yaml`');
    });
  }

  test('compose.yaml itself is ours to update (shown as a change that needs --force)', async () => {
    const { dir, cleanup } = await copyFixture('express-cjs');
    cleanups.push(cleanup);
    await writeFile(path.join(dir, 'compose.yaml'), USER_COMPOSE);
    const refused = await runInProcess(['--yes', '--offline', '--json'], { cwd: dir });
    expect(refused.code).toBe(3);
    expect(await readText(dir, 'compose.yaml')).toBe(USER_COMPOSE);
  });
});
