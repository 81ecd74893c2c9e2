// The JavaScript file behind a framework's CLI, so the container runs `node <file>` instead of a
// node_modules/.bin link. start-command's resolver answers from the npm lockfile's `bin` entries or an
// installed node_modules; a yarn or pnpm project without node_modules falls back to the file the
// recipe knows for that package. Either way the path is validated like any project path.
import { binsFromNpmLockfile } from '../detect/start-command/index.js';
import { resolveBinary } from '../detect/start-command/package-binary.js';
import { projectPath } from '../core/validate.js';
import type { RecipeContext } from './types.js';

export async function packageBinScript(ctx: RecipeContext, packageName: string, binName: string, knownFile: string): Promise<string> {
  const lockfile = ctx.facts.packageManager.lockfile;
  const text = lockfile === 'package-lock.json' || lockfile === 'npm-shrinkwrap.json' ? await ctx.fs.read(lockfile) : undefined;
  const resolved = await resolveBinary(binName, packageName, binsFromNpmLockfile(text ?? ''), (file) => ctx.fs.read(file));
  const file = resolved.name === packageName ? resolved.file : undefined;
  return projectPath(file ?? `node_modules/${packageName}/${knownFile}`, `the "${binName}" binary of ${packageName}`);
}
