// The verify cases both engines must pass (issue 16): test/e2e/verify.test.ts runs them on Docker,
// test/e2e/verify-podman.test.ts on rootless Podman, each with its own way to run the CLI and to list
// what is left. Written once so the two suites cannot drift apart.
import { expect } from 'vitest';
import { failedCheck, passedServerChecks, type VerifyJson } from './verify-result.js';

export interface VerifySuite {
  cli: 'docker' | 'podman';
  /** What --json's verify.engine must say. */
  engine: RegExp;
  workspace(fixture: string): Promise<{ dir: string }>;
  verifyRun(dir: string, flags?: string[]): Promise<{ code: number; stderr: string; verify: VerifyJson | undefined }>;
  leftovers(): Promise<{ containers: string; images: string }>;
}

export const sharedVerifyCases = (s: VerifySuite): { title: string; run: () => Promise<void> }[] => [
  {
    title: `a good app passes every check (HEALTHCHECK healthy, ${s.cli} stop exits 0), with build progress on stderr, and leaves no container or image`,
    run: async () => {
      const ws = await s.workspace('verify-good');
      const r = await s.verifyRun(ws.dir);
      expect(r.code, r.stderr).toBe(0);
      expect(r.verify?.engine).toMatch(s.engine);
      expect(r.verify?.checks.map((c) => [c.name, c.ok])).toEqual(passedServerChecks(s.cli));
      expect(r.verify?.checks.find((c) => c.name === 'runs as non-root')?.detail).toBe('uid 1000 inside the container (dumb-init, node)');
      expect(r.verify?.hint).toBeNull();
      expect(r.stderr).toMatch(/^ {2}build step \d+\/\d+ runtime: .+ \(\d+ s\)$/m);
      expect(await s.leftovers()).toEqual({ containers: '', images: '' });
    },
  },
  {
    title: 'an app that creates ./uploads fails with exit 5 and the --writable-dir uploads hint, then passes with it',
    run: async () => {
      const ws = await s.workspace('verify-uploads');
      const first = await s.verifyRun(ws.dir);
      expect(first.code, first.stderr).toBe(5);
      expect(failedCheck(first.verify)).toBe('stays up');
      // A recursive mkdir on the read-only root says ENOENT on overlay (test/verify/logs/README.md).
      const code = /^ {2}\| Error: (ENOENT|EROFS): [^,]+, mkdir '\/app\/uploads'$/m.exec(first.stderr)?.[1];
      expect(code, first.stderr).toBeDefined();
      expect(first.verify?.hint).toBe(`the app writes to /app/uploads (${code}, mkdir), which is read-only: pass --writable-dir uploads`);
      const fixed = await s.verifyRun(ws.dir, ['--force', '--writable-dir', 'uploads']);
      expect(fixed.code, fixed.stderr).toBe(0);
      expect(fixed.verify?.checks.every((c) => c.ok)).toBe(true);
      expect(await s.leftovers()).toEqual({ containers: '', images: '' });
    },
  },
  {
    title: `--shutdown wired and the lines never pasted: ${s.cli} stop gives exit 143 and the lines to add`,
    run: async () => {
      const ws = await s.workspace('verify-no-shutdown');
      const r = await s.verifyRun(ws.dir, ['--shutdown', 'wired']);
      expect(r.code, r.stderr).toBe(5);
      expect(r.verify?.checks.at(-1)).toMatchObject({ name: `${s.cli} stop exits 0`, ok: false });
      expect(r.verify?.checks.at(-1)?.detail).toMatch(/^exit code 143 after /);
      expect(r.verify?.hint).toContain(`${s.cli} stop ended the app with SIGTERM (exit 143): graceful shutdown is not wired. Add to server.js:`);
      expect(r.verify?.hint).toContain("require('./graceful-shutdown.js')");
      expect(await s.leftovers()).toEqual({ containers: '', images: '' });
    },
  },
];
