// What a run tells the user: the human report (stderr), the one JSON object (stdout, --json),
// and the summary before confirming. Pure text builders.
import type { ProjectFacts } from '../detect/facts.js';
import type { CliError } from '../errors.js';
import type { ResolvedImage } from '../image/types.js';
import { OPTION_LIST } from '../options/declarations.js';
import { shutdownHow } from '../shutdown/choose.js';
import type { Options } from '../options/options.js';
import type { RecipePlan } from '../recipes/types.js';
import type { VerifyJson } from '../verify/index.js';
import type { RenderResult } from '../render/index.js';

import type { WriteAction as FileAction } from '../write/file-writes.js';

export interface RunReport {
  options: Options;
  image: ResolvedImage;
  writes: { path: string; action: FileAction; diff?: string }[];
  /** Whether this run wrote any file (false for a dry run and for a refused run). */
  written: boolean;
  warnings: string[];
  wiring: string[];
  /** The user's own compose file, left alone, and the hardened settings to merge into it. */
  composeToMerge?: { file: string; settings: string };
  /** Where to build from and which Dockerfile, relative to the directory the command ran in. */
  build: { context: string; dockerfile: string };
  rendered: Pick<RenderResult, 'plan' | 'wireInto'>;
}

/**
 * The --json object: a refused run (exit 3) carries its error, a verified run (--verify) its checks,
 * so stdout still holds exactly one object.
 */
export function reportJson(report: RunReport, extra: { error?: CliError; verify?: VerifyJson } = {}): string {
  const { error, verify } = extra;
  return JSON.stringify({
    ...(error ? { error: { code: error.exitCode, message: error.message } } : {}),
    written: report.written,
    files: report.writes.map((f) => ({ path: f.path, action: f.action })),
    image: { ref: report.image.ref, version: report.image.version, digest: report.image.digest, source: report.image.source },
    build: report.build,
    recipe: { id: report.rendered.plan.id, label: report.rendered.plan.label, command: report.rendered.plan.command, shutdown: report.rendered.plan.shutdown.kind },
    warnings: report.warnings,
    // --kubernetes: the image kustomization.yaml deploys (--kubernetes-image), null while it is a placeholder.
    ...(report.options.kubernetes ? { kubernetes: { image: report.options.kubernetesImage ?? null } } : {}),
    ...(verify ? { verify } : {}),
  });
}

export function reportHuman(report: RunReport, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const warning of report.warnings) {
    // Warnings that already shout (a stale snapshot digest) are printed as they are, in colour.
    lines.push(warning.startsWith('WARNING:') ? paint('33', warning) : `${paint('33', 'warning:')} ${warning}`);
  }
  if (report.warnings.length > 0) lines.push('');
  lines.push(`Base image: ${report.image.ref}`);
  lines.push(`            Node.js ${report.image.version}, from ${report.image.resolvedFrom} (${report.image.source})`);
  lines.push('');
  // Nothing written (dry run, or refused): each file says what would have happened.
  const verb = report.written || report.writes.every((f) => f.action === 'unchanged') ? '' : 'would be';
  for (const file of report.writes) {
    const label = { create: 'created', overwrite: 'updated', unchanged: 'unchanged', blocked: 'blocked' }[file.action];
    lines.push(`  ${paint(file.action === 'blocked' ? '33' : '32', `${verb} ${label}`.trim().padEnd(verb ? 19 : 10))} ${file.path}`);
  }
  if (report.options.dryRun) {
    // A dry run shows what would change in files that exist, so it can be reviewed before --force.
    for (const file of report.writes) if (file.diff && file.action !== 'unchanged') lines.push('', file.diff.trimEnd());
    lines.push('', 'Dry run: nothing was written.');
  }
  const refused = !report.options.dryRun && report.writes.some((f) => f.action === 'blocked');
  // A refused run ends with the refusal itself (exit 3); there is nothing to wire or read yet.
  if (refused) return `${lines.join('\n')}\n\n`;
  if (report.composeToMerge) {
    lines.push('', `${report.composeToMerge.file} is left as it is (a compose.yaml beside it would change which file docker compose uses).`);
    lines.push('Merge these hardened settings into its service (also in README.Docker.md):', '');
    for (const line of report.composeToMerge.settings.trimEnd().split('\n')) lines.push(`    ${line}`);
  }
  const plan = report.rendered.plan;
  lines.push('', `App: ${plan.label}, runs: ${plan.command.join(' ')}`);
  if (report.wiring.length > 0 && report.rendered.wireInto !== undefined) {
    lines.push('', `Wire graceful shutdown into ${report.rendered.wireInto}:`);
    for (const line of report.wiring) lines.push(`  ${line}`);
  } else if (shutdownHow(plan.shutdown) !== undefined) {
    lines.push('', `Graceful shutdown: ${shutdownHow(plan.shutdown)}.`);
  }
  for (const step of plan.nextSteps) lines.push('', step);
  // A dry run wrote no README.Docker.md to point at.
  lines.push('', report.options.dryRun ? 'Next: run again without --dry-run to write the files, then see README.Docker.md.' : 'Next: see README.Docker.md to build, run and verify the container.');
  return `${lines.join('\n')}\n`;
}

/** Shown before the final confirmation of an interactive run: one row per declared option that has one. */
export function summarize(options: Options, facts: ProjectFacts, plan: RecipePlan): string {
  const rows = OPTION_LIST.flatMap((d) => (d.summary ? [d.summary(options, facts, plan)] : []));
  const width = Math.max(...rows.map(([k]) => k.length));
  return `\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n\n`;
}
