// Which tsconfig a build compiles with: the `-p`/`--project` (or `-b`/`--build`) of the `tsc` that an
// npm script runs, following `npm run <script>` chains; tsconfig.json when tsc runs without one.
import path from 'node:path/posix';
import type { ProjectFs } from '../core/project-fs.js';
import { readNestCli, runsNestBuild } from './nest-cli.js';
import { insideProject } from './paths.js';

export interface TscRun {
  /** Project-relative tsconfig file (a directory given to -p means its tsconfig.json). */
  config: string;
  /** The script whose text runs tsc. */
  script: string;
}

const RUN_SCRIPT = /^(?:npm|pnpm|yarn)\s+(?:run(?:-script)?\s+)?([\w:.-]+)\s*$/;
const MAX_DEPTH = 5;

/** The tsc run behind `script` (a script name), or undefined when it runs no tsc we can see. */
export function tscRunOf(scripts: Readonly<Record<string, string>>, script: string, isDirectory: (p: string) => boolean = (p) => path.extname(p) === '', depth = 0): TscRun | undefined {
  const text = scripts[script];
  if (text === undefined || depth > MAX_DEPTH) return undefined;
  for (const part of text.split(/&&|\|\||;/)) {
    const words = part.trim().split(/\s+/).filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
    if (words[0] === 'npx' || words[0] === 'exec') words.shift();
    if (words[0] === 'tsc') return { config: configOf(words.slice(1), isDirectory), script };
    const run = RUN_SCRIPT.exec(words.join(' '));
    if (run?.[1] !== undefined && run[1] !== script && !['install', 'ci', 'add'].includes(run[1])) {
      const found = tscRunOf(scripts, run[1], isDirectory, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** The step `npm run <name>` as a script name, for build steps. */
export function scriptOfStep(step: string): string | undefined {
  return RUN_SCRIPT.exec(step.trim())?.[1];
}

function configOf(args: string[], isDirectory: (p: string) => boolean): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = /^--(?:project|build)=(.+)$/.exec(arg);
    const value = eq?.[1] ?? (['-p', '--project', '-b', '--build'].includes(arg) ? args[i + 1] : undefined);
    if (value === undefined || value.startsWith('-')) continue;
    const file = insideProject(value.replace(/^["']|["']$/g, ''));
    if (file === undefined) continue;
    return isDirectory(file) ? path.join(file, 'tsconfig.json') : file;
  }
  return 'tsconfig.json';
}

/** The tsconfig `nest build` compiles with (nest-cli.ts); undefined when the build is not `nest build`. */
export async function nestTsConfig(fs: ProjectFs, buildScript: string | undefined): Promise<string | undefined> {
  return runsNestBuild(buildScript) ? (await readNestCli(fs)).tsConfigPath : undefined;
}
