// Rules about installing dependencies: the lockfile enforced (npm ci, --frozen-lockfile,
// --immutable), no development dependencies in the final stage, and the manifest copied before
// the whole context so a source change does not re-run the install.
import type { Env, Instruction } from 'dockerfile-ast';
import type { Hit } from './catalog.js';
import { finalChain, isKeyword, lineOf, shellCommands, type DockerfileModel, type Stage } from './dockerfile-model.js';
import { copySources, flagNames, operands, subcommand } from './dockerfile-helpers.js';

type Manager = 'npm' | 'pnpm' | 'yarn';

interface Install {
  manager: Manager;
  words: string[];
}

/** A command that installs the project's dependencies from package.json (not `npm install -g x`). */
export function projectInstall(words: string[]): Install | undefined {
  const global = words.includes('-g') || words.includes('--global');
  const npm = subcommand(words, 'npm');
  if (npm && ['ci', 'install', 'i', 'add'].includes(npm) && !global && operands(words, 'npm').length === 0) return { manager: 'npm', words };
  const pnpm = subcommand(words, 'pnpm');
  if ((pnpm === 'install' || pnpm === 'i') && !global) return { manager: 'pnpm', words };
  const yarnAt = words.findIndex((w) => w === 'yarn' || w.endsWith('/yarn'));
  if (yarnAt !== -1 && !words.includes('global')) {
    const yarn = subcommand(words, 'yarn');
    if (yarn === undefined || yarn === 'install' || (yarn === 'workspaces' && words.includes('focus'))) return { manager: 'yarn', words };
  }
  return undefined;
}

function enforcesLockfile({ manager, words }: Install): boolean {
  if (manager === 'npm') return subcommand(words, 'npm') === 'ci';
  if (manager === 'pnpm') return words.includes('--frozen-lockfile');
  return words.includes('--frozen-lockfile') || words.includes('--immutable') || (subcommand(words, 'yarn') === 'workspaces');
}

export function omitsDev({ manager, words }: Install, nodeEnvProduction: boolean): boolean {
  if (manager === 'npm') return words.includes('--omit=dev') || words.includes('--production') || words.includes('--only=production') || (nodeEnvProduction && !words.includes('--include=dev'));
  if (manager === 'pnpm') return ['--prod', '-P', '--production'].some((f) => words.includes(f)) || nodeEnvProduction;
  return words.includes('--production') || nodeEnvProduction;
}

export function dependencyRules(model: DockerfileModel): Hit[] {
  const hits: Hit[] = [];
  for (const run of model.dockerfile.getInstructions().filter((i) => isKeyword(i, 'RUN'))) {
    const install = shellCommands(run).map(projectInstall).find((i) => i && !enforcesLockfile(i));
    if (install) hits.push({ rule: 'npm-install-not-ci', line: lineOf(run), message: `"${install.words.join(' ')}" does not enforce the lockfile` });
  }
  let nodeEnvProduction = false;
  for (const instruction of finalChain(model).flatMap((stage) => stage.instructions)) {
    if (isKeyword(instruction, 'ENV')) {
      const value = (instruction as Env).getProperties().filter((p) => p.getName() === 'NODE_ENV').at(-1)?.getUnescapedValue();
      if (value !== undefined) nodeEnvProduction = value?.replace(/^["']|["']$/g, '') === 'production';
    }
    if (!isKeyword(instruction, 'RUN')) continue;
    const dev = shellCommands(instruction).map(projectInstall).find((i) => i && !omitsDev(i, nodeEnvProduction));
    if (dev) hits.push({ rule: 'final-install-production', line: lineOf(instruction), message: `"${dev.words.join(' ')}" in the final stage installs development dependencies` });
  }
  hits.push(...copyAllBeforeInstall(model));
  return hits;
}

/** In any stage's chain, a COPY of the whole context that comes before the dependency install. */
function copyAllBeforeInstall(model: DockerfileModel): Hit[] {
  const lines = new Set<number>();
  for (const stage of model.stages) {
    const chain = stageChain(model, stage).flatMap((s) => s.instructions);
    let copyAll: Instruction | undefined;
    for (const instruction of chain) {
      if (isKeyword(instruction, 'COPY') && !flagNames(instruction).includes('from') && copySources(instruction).some((s) => s === '.' || s === './')) copyAll ??= instruction;
      if (copyAll && isKeyword(instruction, 'RUN') && shellCommands(instruction).some((w) => projectInstall(w) !== undefined)) {
        lines.add(lineOf(copyAll));
        break;
      }
    }
  }
  return [...lines].map((line) => ({ rule: 'copy-all-before-install' as const, line }));
}

/** The stage and the stages it is built FROM, oldest first. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent === null ? undefined : model.stages[s.parent]) chain.unshift(s);
  return chain;
}
