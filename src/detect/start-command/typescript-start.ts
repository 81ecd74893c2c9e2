// A start that runs TypeScript through a runner (tsx, ts-node, `node --import tsx`, or plain
// `node src/x.ts`). The runner is a devDependency the runtime image does not hold, so the container
// runs either the build's compiled output (when a build script compiles into an outDir: tsc checks
// and emits everything, including syntax type stripping cannot run) or the .ts file with Node's own
// type stripping, which runs erasable TypeScript without flags from Node 22.18 (and 23.6+; 23.0-23.5
// needed --experimental-strip-types) and refuses enums, namespaces and parameter properties at startup.
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { withExtension } from '../paths.js';

/** The first Node release line that strips types without a flag (backported to 22.18.0). */
export const TYPE_STRIPPING_MIN_NODE = '22.18.0';

const COMPILED: Record<string, string> = { '.ts': '.js', '.mts': '.mjs', '.cts': '.cjs' };

export interface TypeScriptDecision {
  script: string;
  minNode?: string;
  warning: string;
}

/** `runner` names what the script used ("tsx", "ts-node", "node"), for the warning. */
export function decideTypeScript(file: string, runner: string, build: { outDir: string; rootDir?: string } | undefined, source: string): TypeScriptDecision {
  const ext = path.posix.extname(file);
  if (ext === '.tsx') throw new UsageError(`${source} runs ${file}: Node's type stripping does not run .tsx files; compile it in a build script and pass --start "node <compiled file>"`);
  const compiledExt = COMPILED[ext];
  if (compiledExt === undefined) return { script: file, warning: '' };
  const via = runner === 'node' ? '' : ` through ${runner}, a development runner the runtime image does not install`;
  if (build !== undefined) {
    const rootDir = build.rootDir ?? (file.startsWith('src/') ? 'src' : '.');
    const relative = rootDir === '.' ? file : path.posix.relative(rootDir, file);
    if (!relative.startsWith('..')) {
      const compiled = withExtension(path.posix.join(build.outDir, relative), compiledExt);
      return { script: compiled, warning: `${source} runs ${file}${via}; the container runs ${compiled}, which the build script compiles` };
    }
  }
  return {
    script: file,
    minNode: TYPE_STRIPPING_MIN_NODE,
    warning: `${source} runs ${file}${via}; with no build script, the container runs it with Node's own type stripping (Node >= ${TYPE_STRIPPING_MIN_NODE}): only erasable TypeScript runs (no enum, namespace or parameter properties) and relative imports need their .ts extension; otherwise add a build script and pass --start "node <compiled file>"`,
  };
}
