// applyWrites on real temp directories: atomic writes, preserved modes, and failures that leave
// the project exactly as it was. Faults a real file system will not produce on demand (a full
// disk, a failing rename) go through an injected fs and say so in the test name.
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as realFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError, ExitCode } from '../../src/errors.js';
import { nodeProjectFs } from '../../src/core/project-fs.js';
import { applyWrites, type WriteFs } from '../../src/write/apply.js';
import { decideWrites, type FileToWrite, type FileWrite } from '../../src/write/file-writes.js';

const isRoot = process.getuid?.() === 0;
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'apply-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const FILES: FileToWrite[] = [
  { path: 'Dockerfile', content: 'FROM node\n' },
  { path: 'src/lib/graceful-shutdown.js', content: 'export {}\n' },
  { path: 'compose.yaml', content: 'services: {}\n' },
];

async function readCurrent(root: string, files: readonly FileToWrite[]): Promise<Map<string, string | undefined>> {
  const projectFs = nodeProjectFs(root);
  return new Map(await Promise.all(files.map(async (f) => [f.path, await projectFs.read(f.path)] as const)));
}

async function plan(files = FILES, force = true): Promise<FileWrite[]> {
  return decideWrites(files, await readCurrent(dir, files), { force });
}

/** Every path under root, so a test can say "nothing changed" and "no temp file left". */
const tree = (root: string) => readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();

async function failure(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe('applyWrites', () => {
  it('creates files and missing parent directories, with no temp file left behind', async () => {
    await applyWrites(dir, await plan());
    expect(tree(dir)).toEqual(['Dockerfile', 'compose.yaml', 'src', 'src/lib', 'src/lib/graceful-shutdown.js']);
    expect(readFileSync(path.join(dir, 'src/lib/graceful-shutdown.js'), 'utf8')).toBe('export {}\n');
    const umask = process.umask();
    expect(statSync(path.join(dir, 'Dockerfile')).mode & 0o777).toBe(0o666 & ~umask);
  });

  it("keeps an overwritten file's mode, even one the umask would narrow", async () => {
    writeFileSync(path.join(dir, 'Dockerfile'), 'old\n');
    chmodSync(path.join(dir, 'Dockerfile'), 0o775);
    writeFileSync(path.join(dir, 'compose.yaml'), 'old\n');
    chmodSync(path.join(dir, 'compose.yaml'), 0o600);
    const writes = await plan();
    expect(writes.map((w) => w.action)).toEqual(['overwrite', 'create', 'overwrite']);
    await applyWrites(dir, writes);
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe('FROM node\n');
    expect(statSync(path.join(dir, 'Dockerfile')).mode & 0o7777).toBe(0o775);
    expect(statSync(path.join(dir, 'compose.yaml')).mode & 0o7777).toBe(0o600);
  });

  it('leaves skipped and unchanged files alone', async () => {
    writeFileSync(path.join(dir, 'Dockerfile'), 'mine\n');
    writeFileSync(path.join(dir, 'compose.yaml'), 'services: {}\n');
    const before = statSync(path.join(dir, 'compose.yaml')).mtimeMs;
    const writes = await plan(FILES, false);
    expect(writes.map((w) => w.action)).toEqual(['blocked', 'create', 'unchanged']);
    await applyWrites(dir, writes);
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe('mine\n');
    expect(statSync(path.join(dir, 'compose.yaml')).mtimeMs).toBe(before);
  });

  it('is idempotent: a second run plans every file as unchanged', async () => {
    await applyWrites(dir, await plan());
    expect((await plan(FILES, false)).map((w) => w.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('refuses, exit 2 and nothing written, when a parent path is a regular file (ENOTDIR)', async () => {
    writeFileSync(path.join(dir, 'src'), 'a file where a directory should be\n');
    const error = await failure(applyWrites(dir, await plan()));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toBe(`Cannot write src/lib/graceful-shutdown.js: ${path.join(dir, 'src')} is not a directory. Nothing was written.`);
    expect(tree(dir)).toEqual(['src']);
  });

  it('refuses, exit 2 and nothing written, when a directory stands where the file goes', async () => {
    mkdirSync(path.join(dir, 'compose.yaml'));
    const writes = decideWrites([FILES[0] as FileToWrite, { path: 'compose.yaml', content: 'x' }], new Map(), { force: true });
    const error = await failure(applyWrites(dir, writes));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toBe(`Cannot write compose.yaml: ${path.join(dir, 'compose.yaml')} is a directory. Nothing was written.`);
    expect(tree(dir)).toEqual(['compose.yaml']);
  });

  it('refuses to replace a symbolic link with a file (exit 2), leaving link and target alone', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'apply-outside-'));
    try {
      writeFileSync(path.join(outside, 'Dockerfile'), 'shared\n');
      symlinkSync(path.join(outside, 'Dockerfile'), path.join(dir, 'Dockerfile'));
      const error = await failure(applyWrites(dir, await plan()));
      expect(error.exitCode).toBe(ExitCode.usage);
      expect(error.message).toBe(`Cannot write Dockerfile: ${path.join(dir, 'Dockerfile')} is a symbolic link; replace it with a regular file or remove it first. Nothing was written.`);
      expect(lstatSync(path.join(dir, 'Dockerfile')).isSymbolicLink()).toBe(true);
      expect(readFileSync(path.join(outside, 'Dockerfile'), 'utf8')).toBe('shared\n');
      expect(tree(dir)).toEqual(['Dockerfile']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses to write through a folder symlinked outside the project (exit 2)', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'apply-outside-'));
    try {
      symlinkSync(outside, path.join(dir, 'src'));
      const error = await failure(applyWrites(dir, await plan()));
      expect(error.exitCode).toBe(ExitCode.usage);
      expect(error.message).toBe(`Cannot write src/lib/graceful-shutdown.js: ${path.join(dir, 'src')} leads outside the project through a symbolic link. Nothing was written.`);
      expect(readdirSync(outside)).toEqual([]);
      expect(tree(dir)).toEqual(['src']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('writes through a symlinked folder that stays inside the project', async () => {
    mkdirSync(path.join(dir, 'app-src'));
    symlinkSync('app-src', path.join(dir, 'src'));
    await applyWrites(dir, await plan());
    expect(readFileSync(path.join(dir, 'app-src/lib/graceful-shutdown.js'), 'utf8')).toBe('export {}\n');
  });

  it('re-checks paths, so a hand-made plan cannot escape the root', async () => {
    const bad: FileWrite = { path: '../escape', action: 'create', content: 'x', warnings: [] };
    const error = await failure(applyWrites(dir, [bad]));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(readdirSync(path.dirname(dir))).not.toContain('escape');
  });

  it('fault fs: a full disk on the second file removes the first temp file and the new directories (exit 1)', async () => {
    const faulty: WriteFs = {
      ...realFs,
      async open(file, flags, mode) {
        const handle = await realFs.open(file, flags, mode);
        if (!path.basename(file).startsWith('.graceful-shutdown.js.')) return handle;
        return {
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          chmod: (m: number) => handle.chmod(m),
          close: () => handle.close(),
        };
      },
    };
    const error = await failure(applyWrites(dir, await plan(), faulty));
    expect(error.exitCode).toBe(ExitCode.unexpected);
    expect(error.message).toBe(`Cannot write src/lib/graceful-shutdown.js: no space left on device while writing into ${path.join(dir, 'src/lib')}. Nothing was written.`);
    expect(tree(dir)).toEqual([]);
  });

  it('fault fs: a failing rename says which files were already written and leaves no temp file', async () => {
    const faulty: WriteFs = {
      ...realFs,
      rename: async (from, to) => {
        if (path.basename(to) === 'compose.yaml') throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
        return realFs.rename(from, to);
      },
    };
    const error = await failure(applyWrites(dir, await plan(), faulty));
    expect(error.exitCode).toBe(ExitCode.unexpected);
    expect(error.message).toBe('Cannot write compose.yaml: EIO: i/o error, rename. Already written: Dockerfile, src/lib/graceful-shutdown.js.');
    expect(tree(dir)).toEqual(['Dockerfile', 'src', 'src/lib', 'src/lib/graceful-shutdown.js']);
  });
});

// A read-only directory only stops a non-root user: root ignores the permission bits. As root, the
// test runs the real applyWrites (bundled with esbuild) in a child process as uid/gid 65534.
describe('a directory the user cannot write to', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  let work = '';
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(`fails with exit 2, names the path, and writes nothing (${isRoot ? 'child process as uid 65534' : 'this user'})`, async () => {
    const target = path.join(dir, 'app');
    mkdirSync(target);
    writeFileSync(path.join(target, 'Dockerfile'), 'mine\n');
    chmodSync(target, 0o555);
    chmodSync(dir, 0o755);
    const writes = decideWrites(FILES, new Map([['Dockerfile', 'mine\n']]), { force: true });
    let outcome: { exitCode: number; message: string };
    if (isRoot) {
      work = mkdtempSync(path.join(tmpdir(), 'apply-child-'));
      chmodSync(work, 0o755);
      const script = path.join(work, 'apply.mjs');
      await build({
        stdin: {
          contents: `import { applyWrites } from ${JSON.stringify(path.resolve(here, '../../src/write/apply.ts'))};
            const [root, plan] = process.argv.slice(2);
            applyWrites(root, JSON.parse(plan)).then(
              () => console.log(JSON.stringify({ exitCode: 0, message: '' })),
              (e) => console.log(JSON.stringify({ exitCode: e.exitCode, message: e.message })));`,
          resolveDir: here,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: script,
        logLevel: 'silent',
      });
      const child = spawnSync(process.execPath, [script, target, JSON.stringify(writes)], { uid: 65534, gid: 65534, encoding: 'utf8' });
      expect(child.stderr).toBe('');
      outcome = JSON.parse(child.stdout) as typeof outcome;
    } else {
      const error = await failure(applyWrites(target, writes));
      outcome = { exitCode: error.exitCode, message: error.message };
    }
    expect(outcome).toEqual({
      exitCode: ExitCode.usage,
      message: `Cannot write Dockerfile: ${target} is not writable (permission denied). Nothing was written.`,
    });
    expect(tree(target)).toEqual(['Dockerfile']);
    expect(readFileSync(path.join(target, 'Dockerfile'), 'utf8')).toBe('mine\n');
  });
});

// A read-only mount stops root too (EROFS). Mounting needs CAP_SYS_ADMIN; without it the test is
// skipped and says why.
const mountProbe = isRoot ? spawnSync('sh', ['-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=1m tmpfs "$d" && umount "$d"; r=$?; rmdir "$d"; exit $r']) : null;
const canMount = mountProbe?.status === 0;
if (!canMount) console.warn(`skipping the read-only mount test: ${isRoot ? 'mount is not permitted here' : 'not running as root'}`);

describe.skipIf(!canMount)('a read-only file system (tmpfs remounted ro)', () => {
  let mountPoint = '';
  afterEach(() => {
    spawnSync('umount', [mountPoint]);
  });

  it('fails with exit 2 and leaves the existing file as it was', async () => {
    mountPoint = path.join(dir, 'ro');
    mkdirSync(mountPoint);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]).status).toBe(0);
    writeFileSync(path.join(mountPoint, 'Dockerfile'), 'mine\n');
    expect(spawnSync('mount', ['-o', 'remount,ro', mountPoint]).status).toBe(0);
    const error = await failure(applyWrites(mountPoint, decideWrites(FILES, new Map([['Dockerfile', 'mine\n']]), { force: true })));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toBe(`Cannot write Dockerfile: ${mountPoint} is not writable (read-only file system). Nothing was written.`);
    expect(tree(mountPoint)).toEqual(['Dockerfile']);
    expect(readFileSync(path.join(mountPoint, 'Dockerfile'), 'utf8')).toBe('mine\n');
  });
});
