// What a run tells the user: the human report (stderr), the one JSON object (stdout, --json),
// the summary before confirming, and the equivalent non-interactive command. Pure text builders.
import path from 'node:path';
import type { Flags } from './args.js';
import type { ProjectFacts } from '../detect/facts.js';
import type { ResolvedImage } from '../image/types.js';
import type { Options } from '../options/resolve.js';
import type { RenderResult } from '../render/index.js';

export type FileAction = 'create' | 'overwrite' | 'unchanged' | 'skip';

export interface RunReport {
  options: Options;
  image: ResolvedImage;
  plan: { path: string; action: FileAction; diff?: string }[];
  warnings: string[];
  wiring: string[];
  rendered: RenderResult;
}

export function reportJson(report: RunReport): string {
  return JSON.stringify({
    files: report.plan.map((f) => ({ path: f.path, action: f.action })),
    image: { ref: report.image.ref, version: report.image.version, digest: report.image.digest, source: report.image.source },
    warnings: report.warnings,
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
  const verb = report.options.dryRun ? 'would be' : '';
  for (const file of report.plan) {
    const label = { create: 'created', overwrite: 'updated', unchanged: 'unchanged', skip: 'skipped' }[file.action];
    lines.push(`  ${paint(file.action === 'skip' ? '33' : '32', `${verb} ${label}`.trim().padEnd(verb ? 19 : 10))} ${file.path}`);
  }
  if (report.options.dryRun) {
    // A dry run shows what would change in files that exist, so it can be reviewed before --force.
    for (const file of report.plan) if (file.diff && file.action !== 'unchanged') lines.push('', file.diff.trimEnd());
    lines.push('', 'Dry run: nothing was written.');
  }
  lines.push('', `Wire graceful shutdown into ${report.options.sourceEntry}:`);
  for (const line of report.wiring) lines.push(`  ${line}`);
  lines.push('', 'Next: see README.Docker.md to build, run and verify the container.');
  return `${lines.join('\n')}\n`;
}

/** Shown before the final confirmation of an interactive run. */
export function summarize(options: Options, facts: ProjectFacts): string {
  const rows: [string, string][] = [
    ['entry', options.entry],
    ['kind', options.worker ? 'worker (no port)' : `web app on port ${options.port}`],
    ['health check', options.healthcheckPath ?? 'none'],
    ['package manager', `${options.packageManager.name}${options.packageManager.lockfile ? ` (${options.packageManager.lockfile})` : ' (no lockfile)'}`],
    ['build step', options.build ? `${options.build.script} -> ${options.build.outDir}/` : 'none'],
    ['native modules', options.native ? `yes${facts.nativeReasons.length ? ` (${facts.nativeReasons.join(', ')})` : ''}` : 'no'],
    ['base', options.base],
    ['node', options.nodeRange ?? 'newest LTS'],
    ['writable dirs', options.writableDirs.join(', ') || 'none (read-only app files)'],
    ['private registry', options.registry ? `yes (token only as a build secret${facts.registry?.hasToken ? '; a token is in .npmrc, it is not copied' : ''})` : 'no'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return `\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n\n`;
}

/** The flags that reproduce an interactive run's choices in a script. */
export function equivalentCommand(flags: Flags, options: Options, root: string, cwd: string): string {
  const args = ['npx create-secure-node-docker'];
  const dir = path.relative(cwd, root);
  if (dir !== '') args.push(dir.includes(' ') ? JSON.stringify(dir) : dir);
  args.push('--yes', `--entry ${options.entry}`);
  if (options.worker) args.push('--worker');
  else {
    args.push('--no-worker');
    args.push(`--port ${options.port}`);
    args.push(options.healthcheckPath ? `--healthcheck-path ${options.healthcheckPath}` : '--no-healthcheck');
  }
  args.push(`--package-manager ${options.packageManager.name}`);
  args.push(options.native ? '--native' : '--no-native');
  args.push(options.build ? '--build' : '--no-build');
  for (const dir of options.writableDirs) args.push(`--writable-dir ${dir}`);
  args.push(`--base ${options.base}`);
  if (options.allowNoLockfile) args.push('--allow-no-lockfile');
  if (flags.node) args.push(`--node '${flags.node}'`);
  if (options.image.registryMirror) args.push(`--registry-mirror ${options.image.registryMirror}`);
  if (options.image.baseImage) args.push(`--base-image ${options.image.baseImage}`);
  if (flags.npmRegistry) args.push(`--npm-registry ${flags.npmRegistry}`);
  if (options.image.digest) args.push(`--digest ${options.image.digest}`);
  if (options.image.offline) args.push('--offline');
  if (options.image.noFallback) args.push('--no-fallback');
  return args.join(' ');
}
