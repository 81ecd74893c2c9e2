// The log-to-hint mapper on container logs captured from real runs in the e2e rig
// (test/verify/logs/README.md says where each one came from).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnose, previousLts, relevantLines, type HintContext } from '../../src/verify/log-hint.js';

const LOGS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'logs');
const log = (name: string) => readFileSync(path.join(LOGS, name), 'utf8');
const ctx = (over: Partial<HintContext> = {}): HintContext => ({
  log: '',
  entry: 'server.js',
  sourceEntry: 'server.js',
  worker: false,
  nodeMajor: 26,
  wiring: ["const { gracefulShutdown } = require('./graceful-shutdown.js');", 'gracefulShutdown(server);'],
  ...over,
});
const exited = (exitCode: number) => ({ kind: 'exited' as const, exitCode });

describe('a write to the read-only root names the --writable-dir', () => {
  it('EROFS from mkdir /app/uploads -> --writable-dir uploads', () => {
    expect(diagnose(exited(1), ctx({ log: log('uploads-mkdir-erofs.log') })).hint).toBe(
      "the app writes to /app/uploads (EROFS, mkdir), which is read-only: pass --writable-dir uploads",
    );
  });

  it('a recursive mkdir on the read-only root says ENOENT; still --writable-dir uploads', () => {
    const d = diagnose(exited(1), ctx({ log: log('uploads-mkdir-recursive-enoent.log') }));
    expect(d.hint).toContain('pass --writable-dir uploads');
    expect(d.lines).toContain("Error: ENOENT: no such file or directory, mkdir '/app/uploads'");
  });

  it('the directory of a nested path is named as it was made (data)', () => {
    expect(diagnose(exited(1), ctx({ log: log('data-mkdir-recursive-enoent.log') })).hint).toContain('pass --writable-dir data');
  });

  it('a file written straight into /app: no directory to declare, so move it or use /tmp', () => {
    const hint = diagnose(exited(1), ctx({ log: log('root-file-erofs.log') })).hint;
    expect(hint).toContain('app.log directly into /app');
    expect(hint).toContain('/tmp');
    expect(hint).not.toMatch(/--writable-dir \w/);
  });
});

describe('MODULE_NOT_FOUND', () => {
  it('for the started script: the start command or build output is wrong, naming the file', () => {
    const d = diagnose(exited(1), ctx({ entry: 'dist/server.js', log: log('missing-entry.log') }));
    expect(d.hint).toMatch(/^the start command runs dist\/server\.js, which is not in the image/);
    expect(d.hint).toContain('--start');
    expect(d.lines).toContain("Error: Cannot find module '/app/dist/server.js'");
  });

  it('for a package: it is not in "dependencies"', () => {
    expect(diagnose(exited(1), ctx({ log: log('missing-package.log') })).hint).toBe(
      'package express is not installed in the image (only "dependencies" are): move it from devDependencies to dependencies',
    );
  });
});

describe('a crash inside node_modules on this Node line', () => {
  it('names the package and the previous LTS major', () => {
    expect(diagnose(exited(1), ctx({ log: log('dependency-crash-node26.log') })).hint).toBe(
      'the app crashes inside node_modules/old-logger on Node 26: it may not support this Node line yet; try --node 24 (or upgrade old-logger)',
    );
  });

  it('a crash in the app itself (a frame in /app/server.js first) is not blamed on a dependency', () => {
    expect(diagnose(exited(1), ctx({ log: log('uploads-mkdir-erofs.log').replace(/EROFS: read-only file system, /, 'boom ') })).hint).not.toContain('node_modules');
  });

  it('previous LTS: the even major below', () => {
    expect([previousLts(26), previousLts(25), previousLts(24)]).toEqual([24, 24, 22]);
  });
});

describe('exits at once', () => {
  it('code 0, not a worker: --worker if it is one, else --start with the command that starts the server', () => {
    const hint = diagnose(exited(0), ctx({ entry: 'plugin.js', log: log('exits-at-once.log') })).hint;
    expect(hint).toMatch(/^plugin\.js exited at once with code 0: it starts no server/);
    expect(hint).toContain('--worker');
    expect(hint).toContain('--start');
  });

  it('code 0 as a worker: a worker must keep running', () => {
    const hint = diagnose(exited(0), ctx({ entry: 'plugin.js', worker: true, log: log('exits-at-once.log') })).hint;
    expect(hint).toContain('a worker must keep running');
    expect(hint).not.toContain('pass --worker');
  });
});

describe('docker stop', () => {
  it('exit 143: graceful shutdown not wired, with the lines to add', () => {
    const d = diagnose({ kind: 'stop', exitCode: 143, graceSeconds: 15 }, ctx({ log: log('no-shutdown-stop.log') }));
    expect(d.hint).toContain('graceful shutdown is not wired');
    expect(d.hint).toContain("require('./graceful-shutdown.js')");
    expect(d.lines).toEqual(['verify-no-shutdown listening on 3000']);
  });

  it('exit 137: killed after the grace period', () => {
    expect(diagnose({ kind: 'stop', exitCode: 137, graceSeconds: 15 }, ctx()).hint).toMatch(/^the app did not exit within the 15 s grace period and was killed \(exit 137\)/);
  });
});

describe('no answer on the port', () => {
  const noAnswer = (listening: { address: string; port: number }[]) => diagnose({ kind: 'no-answer', port: 3000, listening, seconds: 60 }, ctx()).hint;

  it('listening only on 127.0.0.1 -> the host to bind', () => {
    expect(noAnswer([{ address: '127.0.0.1', port: 3000 }])).toContain("bind it to 0.0.0.0 (e.g. listen(3000, '0.0.0.0')");
  });

  it('listening on another port -> --port', () => {
    expect(noAnswer([{ address: '0.0.0.0', port: 8080 }])).toBe('the app listens on port 8080, not 3000: pass --port 8080 (or have the app read PORT)');
  });

  it('nothing listening -> check the port and the entry', () => {
    expect(noAnswer([])).toContain('nothing listens on port 3000 after 60 s');
  });
});

describe('relevant lines', () => {
  it('start a little before the first error line and stop after a dozen', () => {
    const lines = relevantLines(log('missing-entry.log'));
    expect(lines[0]).toBe('node:internal/modules/cjs/loader:1573');
    expect(lines.length).toBeLessThanOrEqual(12);
  });

  it('a log without errors is shown from its start', () => {
    expect(relevantLines('one\ntwo\n')).toEqual(['one', 'two']);
  });
});

describe('build failures', () => {
  it('a docker CLI without buildx (Docker CLI 28.2.2, captured): install the buildx plugin', () => {
    const lines = log('buildx-missing-docker-28.log').split('\n').filter(Boolean);
    expect(diagnose({ kind: 'build', lines }, ctx()).hint).toMatch(/^this docker CLI cannot run BuildKit builds: install the buildx plugin/);
  });

  it('any other failed build points at the build output shown', () => {
    expect(diagnose({ kind: 'build', lines: ['#14 ERROR: executor failed running [/bin/sh -c npm run build]: exit code: 2'] }, ctx()).hint).toBe('the build failed: the build output above says why');
    // The generated Dockerfile's own start-file check: its printed line, not the RUN line BuildKit echoes.
    const own = [
      `#15 [build 6/6] RUN test -f dist/main.js || { echo 'create-secure-node-docker: the build did not produce dist/main.js, which CMD runs: pass --start "node <the file the build writes>"' >&2; exit 1; }`,
      '#15 0.21 create-secure-node-docker: the build did not produce dist/main.js, which CMD runs: pass --start "node <the file the build writes>"',
      '#15 ERROR: executor failed running [/bin/sh -c test -f dist/main.js || ...]: exit code: 1',
    ];
    expect(diagnose({ kind: 'build', lines: own }, ctx()).hint).toBe('the build did not produce dist/main.js, which CMD runs: pass --start "node <the file the build writes>"');
  });
});

describe('the log outranks the symptom', () => {
  it('port open but no answer, while the log shows a crash in a dependency: the crash is the hint', () => {
    const noAnswer = { kind: 'no-answer' as const, port: 3000, listening: [{ address: '0.0.0.0', port: 3000 }], seconds: 30 };
    expect(diagnose(noAnswer, ctx({ log: log('dependency-crash-node26.log') })).hint).toContain('crashes inside node_modules/old-logger');
    expect(diagnose(noAnswer, ctx({ log: 'verify-good listening on 3000\n' })).hint).toBe('port 3000 is open but gives no HTTP answer: is it the app\'s HTTP port?');
  });
});

describe('a variable the app needs (logs from verify-needs-env, issue 16)', () => {
  it('no --run-env-file: names the variable, the committed template and the flag', () => {
    expect(diagnose(exited(1), ctx({ log: log('missing-session-secret.log'), envTemplate: '.env.example' })).hint).toBe(
      'the app stops because SESSION_SECRET is not set: copy .env.example to .env and fill it in, then pass --run-env-file .env (run-time only, never in the image; compose.yaml reads it as env_file)',
    );
    expect(diagnose(exited(1), ctx({ log: log('missing-session-secret.log') })).hint).toContain('write SESSION_SECRET=<value> into .env');
  });

  it('a --run-env-file without the variable: add the line to that file', () => {
    const hint = diagnose(exited(1), ctx({ log: log('missing-database-url-redacted.log'), envFile: { path: '.env', names: ['SESSION_SECRET'] } })).hint;
    expect(hint).toBe("the app stops because DATABASE_URL is not set, and .env has no DATABASE_URL= line: add it there (the same file is compose.yaml's env_file)");
  });

  it('a crash in node_modules or a write to the read-only root is not read as a missing variable', () => {
    for (const name of ['slowbuffer-crash-node26.log', 'dependency-crash-node26.log', 'uploads-mkdir-erofs.log', 'missing-package.log', 'exits-at-once.log', 'no-shutdown-stop.log']) {
      expect(diagnose(exited(1), ctx({ log: log(name) })).hint, name).not.toContain('is not set');
    }
  });
});

describe('SlowBuffer on Node 26 (jsonwebtoken -> jwa 1.4.1 -> buffer-equal-constant-time)', () => {
  it('names the package and the previous LTS line the schedule gives', () => {
    expect(diagnose(exited(1), ctx({ log: log('slowbuffer-crash-node26.log'), previousLts: 24 })).hint).toBe(
      'the app crashes inside node_modules/buffer-equal-constant-time on Node 26: it may not support this Node line yet; try --node 24 (or upgrade buffer-equal-constant-time)',
    );
  });
});

describe('a build that stops on a variable names it and the flag for it (captured)', () => {
  it('next build: a page module throws REPORT_API_KEY is not set at "Collecting page data" -> --build-secret only (the name looks like a secret)', () => {
    const lines = log('next-build-missing-secret.log').split('\n').filter(Boolean);
    const d = diagnose({ kind: 'build', lines, output: lines.join('\n') }, ctx());
    expect(d.hint).toBe(
      'the build stops because REPORT_API_KEY is not set: the app reads it while building (e.g. a Next.js route module at "Collecting page data"). Best, read it at run time instead (inside the request handler; in Next.js after await connection()) and pass it with --run-env-file; if the build needs it, regenerate with --build-secret REPORT_API_KEY (a BuildKit secret for the build step only, never in a layer or the history) and run --verify with REPORT_API_KEY set in the environment (README.Docker.md, "Variables at build time")',
    );
    expect(d.lines[0]).toBe('[cause]: Error: REPORT_API_KEY environment variable is not set');
  });

  it('the line naming the variable leads the lines shown when it scrolled out of them', () => {
    const output = log('next-build-missing-secret.log');
    const tail = output.split('\n').filter(Boolean).slice(-5);
    expect(diagnose({ kind: 'build', lines: tail, output }, ctx()).lines).toEqual(['[cause]: Error: REPORT_API_KEY environment variable is not set', '...', ...tail]);
  });
});

describe('a build failure that names no variable keeps the generic hint', () => {
  it('next build stopping at type checking (captured)', () => {
    const lines = log('next-build-type-error.log').split('\n').filter(Boolean);
    expect(diagnose({ kind: 'build', lines, output: lines.join('\n') }, ctx()).hint).toBe('the build failed: the build output above says why');
  });
});

describe('an install at start-up (Next.js loading next.config.ts without typescript) is the hint, whatever the port shows', () => {
  const listening = [{ address: '0.0.0.0', port: 3000 }];
  const noAnswer = { kind: 'no-answer' as const, port: 3000, listening, seconds: 60 };
  const CONFIG_HINT =
    'the app installs typescript at start-up: it loads next.config.ts, and typescript is a devDependency, not in the image; an install at start cannot work in the container (read-only root, no network). Ship the config as JavaScript (next.config.mjs), or move typescript from devDependencies to dependencies';

  it('no network (as --verify runs it): npm waits, the port is open, no answer: the install outranks "open but no answer"', () => {
    const d = diagnose(noAnswer, ctx({ log: log('next-config-ts-install-no-network.log') }));
    expect(d.hint).toBe(CONFIG_HINT);
    expect(d.lines).toContain(' ⚠ Installing TypeScript as it was not found while loading "next.config.ts".');
  });

  it('the install fails with EACCES and Next exits 1: still the install, not "writes to /nonexistent"', () => {
    const d = diagnose(exited(1), ctx({ log: log('next-config-ts-install-eacces.log') }));
    expect(d.hint).toBe(CONFIG_HINT);
    expect(d.lines).toContain(' ⚠ Installing TypeScript as it was not found while loading "next.config.ts".');
    expect(d.lines).toContain('npm error code EACCES');
  });

  it('the same port symptom without an install in the log keeps the port hint', () => {
    expect(diagnose(noAnswer, ctx({ log: log('next-config-ts-install-no-network.log').replace(/^.*Installing.*$/gm, '') })).hint).toBe("port 3000 is open but gives no HTTP answer: is it the app's HTTP port?");
  });
});
