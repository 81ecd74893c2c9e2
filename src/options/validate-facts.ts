// The boundary for values read from the project. Detection reads package.json, tsconfig, .npmrc and
// friends, and some of what it finds is printed into the Dockerfile, compose.yaml or the README. A
// project file is as hostile as a flag, so every such fact passes the same narrow validators as the
// flag that could have given it, and a failure names the file and field it came from (exit 2).
import type { ProjectFacts } from '../detect/facts.js';
import { UsageError } from '../errors.js';
import { printable, projectPath } from '../core/validate.js';

/** ENV names and values the install stages may carry: plain words only. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENV_VALUE = /^[A-Za-z0-9._@^~*+,:=-]+$/;

export function validateFacts(facts: ProjectFacts): void {
  if (facts.build) {
    projectPath(facts.build.outDir, facts.build.outDirSource ?? 'the build output directory');
    if (!/^[A-Za-z0-9:._-]+$/.test(facts.build.script)) throw new UsageError(`package.json build script name "${printable(facts.build.script)}" is not a plain name`);
  }
  if (facts.entry !== undefined) projectPath(facts.entry, 'the entry found in package.json (scripts.start or main)');
  if (facts.sourceEntry !== undefined) projectPath(facts.sourceEntry, 'the entry source found in package.json');
  for (const input of facts.install.inputs) projectPath(input.path, 'an install input found in the project');
  for (const [name, value] of Object.entries(facts.install.env)) {
    if (!ENV_NAME.test(name) || !ENV_VALUE.test(value)) throw new UsageError(`the install setting ${printable(name)}=${printable(value)} (from .npmrc) is not a plain word`);
  }
}
