// A final stage that copies a whole stage (`COPY --from=build /app /app`, or `.`) whose node_modules
// is a full install (npm ci / npm install / yarn / pnpm install without a production flag, no prune
// after it): every devDependency (typescript, test runners...) ships in the image. A later COPY of a
// production node_modules does not undo it: COPY merges directories, it never removes files.
import { ModifiableInstruction, type Env, type Instruction } from 'dockerfile-ast';
import type { Hit } from './catalog.js';
import { copySources, subcommand } from './dockerfile-helpers.js';
import { omitsDev, projectInstall, stageChain } from './dockerfile-install.js';
import { isKeyword, lineOf, shellCommands, type DockerfileModel, type Stage } from './dockerfile-model.js';

export function fullInstallCopyRule(model: DockerfileModel): Hit[] {
  const final = model.stages.at(-1);
  if (!final) return [];
  const hits: Hit[] = [];
  for (const copy of final.instructions.filter((i) => isKeyword(i, 'COPY'))) {
    const from = fromFlag(copy);
    const source = from === undefined ? undefined : stageNamed(model, from, final.index);
    if (!source) continue;
    const workdir = workdirOf(model, source);
    if (!copySources(copy).some((s) => isWholeApp(s, workdir))) continue;
    const install = fullInstallLeft(model, source);
    if (install === undefined) continue;
    hits.push({
      rule: 'copy-full-install',
      line: lineOf(copy),
      message: `COPY --from=${from} ${copySources(copy).join(' ')} brings that stage's full install ("${install.words}" at line ${install.line}) into the final stage: its devDependencies ship in the image`,
    });
  }
  return hits;
}

function fromFlag(instruction: Instruction): string | undefined {
  if (!(instruction instanceof ModifiableInstruction)) return undefined;
  return instruction.getFlags().find((f) => f.getName() === 'from')?.getValue() ?? undefined;
}

/** A stage by name or index, earlier than the final stage (an image reference is not a stage). */
function stageNamed(model: DockerfileModel, ref: string, before: number): Stage | undefined {
  const byName = model.stages.find((s) => s.name !== null && s.name === ref.toLowerCase());
  if (byName) return byName.index < before ? byName : undefined;
  return /^\d+$/.test(ref) && Number(ref) < before ? model.stages[Number(ref)] : undefined;
}

function workdirOf(model: DockerfileModel, stage: Stage): string {
  const set = stageChain(model, stage).flatMap((s) => s.instructions).filter((i) => isKeyword(i, 'WORKDIR')).at(-1);
  return (set?.getArgumentsContent() ?? '/').replace(/\/+$/, '') || '/';
}

function isWholeApp(source: string, workdir: string): boolean {
  const clean = source.replace(/\/+$/, '') || '/';
  return clean === '.' || clean === workdir || (workdir === '/app' && clean === '/app');
}

/** The last install in the stage's chain that keeps devDependencies, unless a prune or a removal follows it. */
function fullInstallLeft(model: DockerfileModel, stage: Stage): { words: string; line: number } | undefined {
  let nodeEnvProduction = false;
  let full: { words: string; line: number } | undefined;
  for (const instruction of stageChain(model, stage).flatMap((s) => s.instructions)) {
    if (isKeyword(instruction, 'ENV')) {
      const value = (instruction as Env).getProperties().filter((p) => p.getName() === 'NODE_ENV').at(-1)?.getUnescapedValue();
      if (value !== undefined) nodeEnvProduction = value?.replace(/^["']|["']$/g, '') === 'production';
    }
    if (!isKeyword(instruction, 'RUN')) continue;
    for (const words of shellCommands(instruction)) {
      const install = projectInstall(words);
      if (install) full = omitsDev(install, nodeEnvProduction) ? undefined : { words: words.join(' '), line: lineOf(instruction) };
      else if (prunesDev(words, nodeEnvProduction) || removesNodeModules(words)) full = undefined;
    }
  }
  return full;
}

function prunesDev(words: string[], nodeEnvProduction: boolean): boolean {
  if (subcommand(words, 'npm') === 'prune') return nodeEnvProduction || words.includes('--omit=dev') || words.includes('--production');
  if (subcommand(words, 'pnpm') === 'prune') return nodeEnvProduction || words.includes('--prod');
  return false;
}

function removesNodeModules(words: string[]): boolean {
  return words[0] === 'rm' && words.some((w) => /^(\.\/)?node_modules\/?$|^\/app\/node_modules\/?$/.test(w));
}
