// BuildKit's `--progress=plain` output, or Buildah's (podman build) STEP lines -> one short progress
// line per build step, with the time since the build started, so a build of several minutes is never
// a silent wait.

/** `#8 [deps 2/3] RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev` */
const STEP = /^#(\d+) \[([^\]\s]+) (\d+)\/(\d+)\] (.+)$/;
const STEP_DONE = /^#(\d+) (DONE [\d.]+s|CACHED)$/;

/** Buildah: `[2/4] STEP 3/5: RUN npm ci` (the stage number is left out of a one-stage build). */
const BUILDAH_STEP = /^(?:\[(\d+)\/\d+\] )?STEP (\d+)\/(\d+): (.+)$/;
const BUILDAH_CACHED = /^--> Using cache [0-9a-f]+$/;
/** `Error: building at STEP "RUN npm run build": while running runtime: exit status 2` */
const BUILDAH_ERROR = /^Error: building at STEP "/;
/** Buildah's own bookkeeping between steps. */
const BUILDAH_NOISE = /^(-->|COMMIT\b|Successfully tagged\b|\[\d+\/\d+\] COMMIT\b|Getting image source signatures|Copying (blob|config)\b|Writing manifest\b|Storing signatures|Trying to pull\b|[0-9a-f]{64}$)/;

export interface BuildStep {
  vertex: number;
  stage: string;
  index: number;
  total: number;
  name: string;
}

export function parseStepLine(line: string): BuildStep | undefined {
  const m = STEP.exec(line.trim());
  if (!m) return undefined;
  return { vertex: Number(m[1]), stage: m[2]!, index: Number(m[3]), total: Number(m[4]), name: readableInstruction(m[5]!) };
}

/** A Buildah STEP line; the stage is named by its FROM ... AS <name>, as BuildKit names it. */
function parseBuildahStep(line: string, stageNames: Map<number, string>): BuildStep | undefined {
  const m = BUILDAH_STEP.exec(line.trim());
  if (!m) return undefined;
  const stageNo = Number(m[1] ?? 1);
  const index = Number(m[2]);
  const instruction = m[4]!;
  const as = /^FROM\s.*\sAS\s+(\S+)$/i.exec(instruction);
  if (index === 1 && as) stageNames.set(stageNo, as[1]!);
  return { vertex: stageNo * 1000 + index, stage: stageNames.get(stageNo) ?? `stage ${stageNo}`, index, total: Number(m[3]), name: readableInstruction(instruction) };
}

/** RUN lines lose their --mount options: what matters to the reader is the command. */
export function readableInstruction(text: string): string {
  const plain = text.replace(/\s--mount=\S+/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > 72 ? `${plain.slice(0, 71)}…` : plain;
}

/** Cached steps are reported once at the end, as a count, so a warm build stays quiet. */
export class BuildProgress {
  private readonly started: number;
  private readonly steps = new Map<number, BuildStep>();
  private readonly cached = new Set<number>();
  private readonly tail: string[] = [];
  /** Buildah: stage names, the step running now and what it printed. */
  private readonly stageNames = new Map<number, string>();
  private buildah?: { vertex: number; output: string[] };
  private buildahError?: string;

  constructor(
    private readonly now: () => number,
    private readonly report: (line: string) => void,
  ) {
    this.started = now();
  }

  line(raw: string): void {
    const line = raw.trimEnd();
    if (line === '') return;
    this.tail.push(line);
    if (this.tail.length > 200) this.tail.shift();
    if (this.buildahLine(line)) return;
    const step = parseStepLine(line);
    if (step && !this.steps.has(step.vertex)) {
      this.steps.set(step.vertex, step);
      // FROM of a stage is a reference, not work: it is shown only when it is the first step.
      if (step.index === 1 && /^FROM\b/.test(step.name) && this.steps.size > 1) return;
      this.report(`build step ${step.index}/${step.total} ${step.stage}: ${step.name} (${this.elapsed()} s)`);
      return;
    }
    const done = STEP_DONE.exec(line);
    if (done && done[2] === 'CACHED') this.cached.add(Number(done[1]));
  }

  /** Buildah's lines; true when the line was one of them. */
  private buildahLine(line: string): boolean {
    const step = parseBuildahStep(line, this.stageNames);
    if (step) {
      this.buildah = { vertex: step.vertex, output: [] };
      this.steps.set(step.vertex, step);
      if (!(step.index === 1 && /^FROM\b/.test(step.name) && this.steps.size > 1)) this.report(`build step ${step.index}/${step.total} ${step.stage}: ${step.name} (${this.elapsed()} s)`);
      return true;
    }
    if (this.buildah === undefined) return false;
    if (BUILDAH_ERROR.test(line)) this.buildahError = line;
    else if (BUILDAH_CACHED.test(line)) this.cached.add(this.buildah.vertex);
    else if (!BUILDAH_NOISE.test(line)) this.buildah.output.push(line);
    return true;
  }

  elapsed(): number {
    return Math.round((this.now() - this.started) / 1000);
  }

  cachedSteps(): number {
    return [...this.cached].filter((v) => this.steps.has(v)).length;
  }

  /** The lines that say why a build failed: the failing step's own output and its error, else the last lines. */
  failureLines(max = 12): string[] {
    const failed = this.failedStep();
    if (failed === undefined) return this.tail.slice(-max);
    return [...failed.output.slice(-(max - 1)), failed.error];
  }

  /** Everything the failed step printed that is kept (the last 200 lines of the build), for the hint to search. */
  failureOutput(): string {
    return (this.failedStep()?.output ?? this.tail).join('\n');
  }

  private failedStep(): { output: string[]; error: string } | undefined {
    if (this.buildahError !== undefined) return { output: (this.buildah?.output ?? []).filter((l) => !/^npm (notice|warn)/.test(l) && l.trim() !== ''), error: this.buildahError };
    const error = this.tail.find((l) => /^#\d+ ERROR\b/.test(l));
    const vertex = error ? /^#(\d+) /.exec(error)![1] : undefined;
    if (vertex === undefined) return undefined;
    const output = this.tail
      .filter((l) => l.startsWith(`#${vertex} `) && l !== error)
      .map((l) => l.replace(/^#\d+ (\d+\.\d+ )?/, ''))
      .filter((l) => !/^(sha256:|npm (notice|warn))/.test(l) && l.trim() !== '');
    return { output, error: error! };
  }
}
