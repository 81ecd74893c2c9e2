// `pm2 start ecosystem.config.js` / `pm2-runtime ...`: the container runs the one script the
// ecosystem file names, with Node itself. The file is read as text and never executed; a file that
// does not name exactly one literal script is refused. pm2 in a container only adds a second
// supervisor: run one process per container and let the orchestrator restart it.
import { UsageError } from '../../errors.js';
import { printable } from '../../core/validate.js';
import { insideProject } from '../paths.js';
import { safeWord } from './safe-value.js';

const ECOSYSTEM = /(^|\/)ecosystem\.config\.(js|cjs|mjs|json)$|\.config\.(js|cjs|mjs)$|\.json$/;
/** pm2 options that take a value. */
const WITH_VALUE = new Set(['--name', '-n', '-i', '--instances', '--env', '--max-memory-restart', '--log', '-l', '-o', '--output', '-e', '--error', '--cwd', '--interpreter', '--node-args', '--only']);

export const PM2_WARNING = 'pm2 is a process manager: in a container run one process and let the orchestrator restart it (compose restart:, Kubernetes); the container runs the script directly';

/** Words after `pm2` / `pm2-runtime` -> the words of the command to run instead. */
export async function fromPm2(
  args: string[],
  read: (file: string) => Promise<string | undefined>,
  source: string,
): Promise<string[]> {
  const rest = args[0] === 'start' ? args.slice(1) : args;
  const target = rest.find((w, i) => !w.startsWith('-') && !WITH_VALUE.has(rest[i - 1] ?? ''));
  if (target === undefined) throw new UsageError(`${source}: pm2 names no script or ecosystem file`);
  const dashdash = rest.indexOf('--');
  const passed = dashdash === -1 ? [] : rest.slice(dashdash + 1);
  if (!ECOSYSTEM.test(target)) return [target, ...passed];
  const file = insideProject(target);
  const text = file === undefined ? undefined : await read(file);
  if (text === undefined) throw new UsageError(`${source} runs pm2 with ${printable(target)}, which does not exist in the project`);
  const scripts = [...text.matchAll(/["']?script["']?\s*:\s*(["'])([^"'\n]*)\1/g)].map((m) => m[2] ?? '');
  if (scripts.length !== 1) {
    throw new UsageError(`${file} names ${scripts.length === 0 ? 'no literal script' : `${scripts.length} apps`}; one process per container: pass --start "node <file>"`);
  }
  const argsMatch = /["']?args["']?\s*:\s*(["'])([^"'\n]*)\1/.exec(text);
  const ecoArgs = argsMatch?.[2] ? argsMatch[2].split(/\s+/).filter(Boolean) : [];
  return [scripts[0] ?? '', ...ecoArgs].map((w) => safeWord(w, file ?? target)).concat(passed);
}
