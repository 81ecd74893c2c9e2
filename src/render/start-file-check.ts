// A wrong guess never becomes a silent crash: the file the command runs (and any build output it
// names, `fastify start dist/app.js`) is tested where it comes from. In the build stage, right after
// the build steps, for a file the runtime copies from the build; in the runtime stage, right after
// the copies, for a file that comes from the build context (.dockerignore may leave it out). The
// build fails with one line naming the file and the flag, instead of an image that exits with
// MODULE_NOT_FOUND. Files from the deps stage are the lockfile's own packages: not checked.
// `test -f` and `{ ...; }` are POSIX sh: busybox on Alpine, dash on Debian slim.
import path from 'node:path/posix';
import type { Copy, RecipePlan } from '../recipes/types.js';
import { PRELOAD_FILE } from '../shutdown/module.js';

/** The prefix of the line the build prints; verify's build hint looks for it. */
export const CHECK_PREFIX = 'create-secure-node-docker:';
const SAFE_PATH = /^[\w@+-][\w./@+-]*$/;
const SCRIPT_FILE = /\.(c|m)?js$/;

export interface StartFileChecks {
  /** RUN commands for the build stage, after the build steps. */
  build: string[];
  /** RUN commands for the runtime stage, after the copies. */
  runtime: string[];
}

export function startFileChecks(plan: RecipePlan): StartFileChecks {
  const checks: StartFileChecks = { build: [], runtime: [] };
  const script = plan.commandScript;
  // The preloaded graceful-shutdown module is ours, written beside the app: not a guess to check.
  const files = [...(script !== undefined ? [script] : []), ...plan.command.filter((word) => word !== script && word !== `./${PRELOAD_FILE}` && SCRIPT_FILE.test(word) && !word.startsWith('-'))];
  // In a workspace (render/workspace-transform.ts) the command runs in the package directory while the
  // copies are relative to the root, and the build stage's last WORKDIR is the package: paths from /app.
  const dir = plan.workspace?.dir;
  const buildRoot = dir === undefined ? '' : '/app/';
  for (const written of new Set(files.map((f) => path.normalize(f)))) {
    if (!SAFE_PATH.test(written) || written.startsWith('..') || written.startsWith('/')) continue;
    const file = dir === undefined ? written : path.join(dir, written);
    const source = sourceOf(plan.runtimeCopies, file);
    if (source?.from === 'build' && plan.buildSteps.length > 0) checks.build.push(testLine(source.at.startsWith('/') ? source.at : `${buildRoot}${source.at}`, `the build did not produce ${source.at}, which CMD runs`, 'the file the build writes'));
    if (source?.from === 'context') checks.runtime.push(testLine(file, `the build context has no ${file}, which CMD runs (left out by .dockerignore?)`, 'the file to run'));
  }
  return checks;
}

/**
 * Where the runtime's `file` comes from: the stage, and its path there (server.js of a copy
 * .next/standalone -> . is .next/standalone/server.js). The last copy that holds it wins (copies overlay).
 */
function sourceOf(copies: Copy[], file: string): { from: Copy['from']; at: string } | undefined {
  let found: { from: Copy['from']; at: string } | undefined;
  for (const copy of copies) {
    const dest = copy.dest ?? copy.src;
    if (dest !== '.' && file !== dest && !file.startsWith(`${dest}/`)) continue;
    const below = dest === '.' ? file : path.relative(dest, file);
    found = { from: copy.from, at: path.normalize(path.join(copy.src, below)) };
  }
  return found;
}

/** `node dist/main` also runs dist/main.js or dist/main/index.js, as Node resolves its entry. */
function testLine(file: string, problem: string, what: string): string {
  const candidates = path.extname(file) === '' ? [file, `${file}.js`, `${file}/index.js`] : [file];
  const tests = candidates.map((c) => `test -f ${c}`).join(' || ');
  return `${tests} || { echo '${CHECK_PREFIX} ${problem}: pass --start "node <${what}>"' >&2; exit 1; }`;
}
