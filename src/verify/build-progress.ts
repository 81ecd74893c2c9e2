// BuildKit's `--progress=plain` output -> one short progress line per build step, with the time
// since the build started, so a build of several minutes is never a silent wait.

/** `#8 [deps 2/3] RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev` */
const STEP = /^#(\d+) \[([^\]\s]+) (\d+)\/(\d+)\] (.+)$/;
const STEP_DONE = /^#(\d+) (DONE [\d.]+s|CACHED)$/;

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
