// Small queries over the Dockerfile model that several rules share.
import type { Instruction } from 'dockerfile-ast';
import type { Hit, RuleId } from './catalog.js';
import { finalChain, isKeyword, lineOf, shellCommands, type DockerfileModel } from './dockerfile-model.js';

export interface DockerfileContext {
  now: Date;
  /** The compose file runs every service with `init: true`: an init is PID 1 without one in the image. */
  composeInit?: boolean;
}

/** Every instruction of the given keywords (any stage) for which `problem` returns a message ('' = the catalog's). */
export function every(model: DockerfileModel, keywords: string | string[], problem: (i: Instruction) => string | null): { line: number; message?: string }[] {
  const wanted = typeof keywords === 'string' ? [keywords] : keywords;
  return model.dockerfile
    .getInstructions()
    .filter((i) => wanted.some((k) => isKeyword(i, k)))
    .flatMap((i) => {
      const message = problem(i);
      if (message === null) return [];
      return [message ? { line: lineOf(i), message } : { line: lineOf(i) }];
    });
}

/** One hit per RUN in which some simple command matches. */
export function everyCommand(model: DockerfileModel, rule: RuleId, matches: (words: string[], run: Instruction) => boolean): Hit[] {
  return every(model, 'RUN', (run) => (shellCommands(run).some((w) => matches(w, run)) ? '' : null)).map((hit) => ({ rule, line: hit.line }));
}

/** The first non-flag word after `program` in a command, e.g. subcommand(['apk','add','-U'], 'apk') = 'add'. */
export function subcommand(words: string[], program: string): string | undefined {
  const at = words.findIndex((w) => w === program || w.endsWith(`/${program}`));
  return at === -1 ? undefined : words.slice(at + 1).find((w) => !w.startsWith('-'));
}

/** The words after the subcommand that are not flags (package names, paths). */
export function operands(words: string[], program: string): string[] {
  const at = words.findIndex((w) => w === program || w.endsWith(`/${program}`));
  if (at === -1) return [];
  const rest = words.slice(at + 1);
  const sub = rest.findIndex((w) => !w.startsWith('-'));
  return sub === -1 ? [] : rest.slice(sub + 1).filter((w) => !w.startsWith('-'));
}

export function finalInstructions(model: DockerfileModel): Instruction[] {
  return finalChain(model).flatMap((stage) => stage.instructions);
}

export function finalLine(model: DockerfileModel): number {
  const from = model.stages.at(-1)?.from;
  return from ? lineOf(from) : 1;
}

export function lastOf(instructions: Instruction[], keyword: string): Instruction | undefined {
  return instructions.filter((i) => isKeyword(i, keyword)).at(-1);
}

/** The argv of an exec-form (JSON array) instruction, or null when it is in shell form. */
export function execArgv(instruction: Instruction): string[] | null {
  try {
    const parsed: unknown = JSON.parse(instruction.getArgumentsContent() ?? '');
    return Array.isArray(parsed) && parsed.every((a) => typeof a === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** Whitespace-separated words with surrounding quotes removed. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean).map((w) => w.replace(/^["']|["']$/g, ''));
}

/** COPY/ADD sources (every argument but the destination), for both shell and JSON form. */
export function copySources(instruction: Instruction): string[] {
  const argv = execArgv(instruction) ?? instruction.getArguments().map((a) => a.getValue());
  return argv.slice(0, -1);
}

export { mounts as mountsOf, flagNames } from './dockerfile-model.js';
