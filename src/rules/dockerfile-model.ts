// A small model of a parsed Dockerfile for the rules (src/rules/dockerfile.ts) and for `update`:
// stages with their parent stage, image references split into name/tag/digest, and RUN text split
// into simple shell commands. dockerfile-ast does the parsing; this file only shapes its output.
import { DockerfileParser, ModifiableInstruction } from 'dockerfile-ast';
import type { Dockerfile, From, Instruction } from 'dockerfile-ast';

export interface Stage {
  index: number;
  from: From;
  /** Lower-cased stage name (`AS name`), or null. Docker compares stage names case-insensitively. */
  name: string | null;
  /** Index of the earlier stage this one is built FROM, or null for an external image. */
  parent: number | null;
  /** The stage's instructions after its FROM. */
  instructions: Instruction[];
}

export interface DockerfileModel {
  dockerfile: Dockerfile;
  stages: Stage[];
}

export function modelDockerfile(text: string): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text);
  const stages: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (isKeyword(instruction, 'FROM')) {
      const from = instruction as From;
      const image = (from.getImage() ?? '').toLowerCase();
      const parent = stages.findIndex((stage) => stage.name !== null && stage.name === image);
      stages.push({
        index: stages.length,
        from,
        name: from.getBuildStage()?.toLowerCase() ?? null,
        parent: parent === -1 ? null : parent,
        instructions: [],
      });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { dockerfile, stages };
}

/** The final stage and the stages it is built FROM, oldest first: what ends up in the image. */
export function finalChain(model: DockerfileModel): Stage[] {
  const chain: Stage[] = [];
  let stage = model.stages.at(-1);
  while (stage) {
    chain.unshift(stage);
    stage = stage.parent === null ? undefined : model.stages[stage.parent];
  }
  return chain;
}

export function isKeyword(instruction: Instruction, keyword: string): boolean {
  return instruction.getKeyword().toUpperCase() === keyword;
}

/** 1-based line number of an instruction's first line. */
export function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}

export interface ImageRef {
  name: string;
  tag: string | null;
  digest: string | null;
}

/** Split `[registry[:port]/]name[:tag][@digest]`; the tag colon is the one after the last slash. */
export function parseImageRef(reference: string): ImageRef {
  const at = reference.indexOf('@');
  const withoutDigest = at === -1 ? reference : reference.slice(0, at);
  const digest = at === -1 ? null : reference.slice(at + 1);
  const colon = withoutDigest.lastIndexOf(':');
  if (colon > withoutDigest.lastIndexOf('/')) {
    return { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest };
  }
  return { name: withoutDigest, tag: null, digest };
}

/**
 * The RUN instruction's command text split into simple commands (at `&&`, `||`, `;`, `|` and
 * newlines), each as whitespace-separated words with quotes removed. Exec-form RUN is one command.
 * A shell parser would be more exact; this is enough for the patterns the rules look for.
 */
export function shellCommands(run: Instruction): string[][] {
  const text = run.getArgumentsContent() ?? '';
  if (text.trimStart().startsWith('[')) {
    try {
      const argv: unknown = JSON.parse(text);
      if (Array.isArray(argv)) return [argv.map(String)];
    } catch {
      // not valid JSON: Docker runs it through the shell, and so do we
    }
  }
  return text
    .split(/&&|\|\||;|\||\n/)
    .map((command) => command.trim().split(/\s+/).filter(Boolean).map(unquote))
    .filter((words) => words.length > 0);
}

function unquote(word: string): string {
  return word.replace(/^["']|["']$/g, '');
}

/** The values of the `--mount` flags of a RUN, each parsed into its key=value options. */
export function mounts(run: Instruction): Map<string, string>[] {
  const flags = run instanceof ModifiableInstruction ? run.getFlags() : [];
  return flags
    .filter((flag) => flag.getName() === 'mount')
    .map((flag) => new Map(flag.getOptions().map((option) => [option.getName(), option.getValue() ?? ''])));
}

/** Names of an instruction's `--flags` (COPY --link -> ['link']). */
export function flagNames(instruction: Instruction): string[] {
  return instruction instanceof ModifiableInstruction ? instruction.getFlags().map((flag) => flag.getName()) : [];
}
