// `create-secure-node-docker update [path]`: refreshes every node image pin in a Dockerfile in
// place (newest release of the same major, or --to lts), exact tag + index digest, through the
// generator's resolver. --check writes nothing and exits 1 when a pin is stale. A registry fault
// is exit 4 with the file untouched; the file is written atomically (src/write-apply.ts).
import path from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import type { FlagSpecs, FlagValues } from '../../options/flag-spec.js';
import { terminalSafe } from '../../rules/report.js';
import { planUpdate, type UpdatePlan } from '../../update/plan-update.js';
import type { CliDeps } from '../deps.js';
import { defineCommand } from './command.js';
import { displayName, locateDockerfile, readRequired } from './setup-files.js';

/** --check found a stale pin. */
const STALE = 1;

const OPTIONS = {
  to: { flag: 'to', type: 'choice', choices: ['major', 'lts'], default: 'major', describe: 'Newest release of the same major line (default), or the newest LTS' },
  check: { flag: 'check', type: 'boolean', default: false, describe: 'Write nothing; exit 1 when a pin is stale, 0 when all are current' },
  json: { flag: 'json', type: 'boolean', default: false, describe: 'Report the changes as one JSON object on stdout' },
  registryMirror: { flag: 'registry-mirror', type: 'string', describe: 'Resolve through a Docker Hub mirror (FROM keeps node:...)' },
  baseImage: { flag: 'base-image', type: 'string', describe: 'The repository hosting node images that the FROM lines name' },
  // Accepted only to say why it cannot work: there is nothing to compare against offline.
  offline: { flag: 'offline', type: 'boolean', default: false },
} as const satisfies FlagSpecs;

type UpdateValues = FlagValues<typeof OPTIONS>;

export const command = defineCommand({
  options: OPTIONS,
  help: {
    usage:
      '$0 [dir] [options]\n\nRefresh every node image pin in a Dockerfile in place: exact tag and image index digest. [dir] is a\ndirectory (default: .) or a Dockerfile. Only FROM lines change (and a generated header comment).',
    exitCodes: 'Exit codes:\n  0    updated, or every pin is current\n  1    --check: a pin is stale (nothing written)\n  2    invalid usage, --offline, no Dockerfile, or no FROM line names a node image it can pin\n  4    the registry could not be asked or has no such image (nothing written)',
    examples: [
      ['$0', 'Move ./Dockerfile to the newest release of the same Node.js line'],
      ['$0 --check', 'CI: exit 1 when a newer or rebuilt image is published; writes nothing'],
      ['$0 --to lts --registry-mirror https://mirror.example.com', 'Move to the newest LTS, resolved through a mirror'],
    ],
  },
  run: runUpdate,
});

async function runUpdate(values: UpdateValues, deps: CliDeps): Promise<number> {
  if (values.offline) throw new UsageError('update --offline: update compares pins with the registry, so it needs the network');
  const to = values.to;
  const given = values.dir;

  const located = await locateDockerfile(deps.cwd, given, deps.files);
  const fs = deps.projectFs(located.dir);
  const current = await readRequired(fs, located.dir, located.dockerfile);
  const name = displayName(deps.cwd, path.join(located.dir, located.dockerfile));
  const plan = await planUpdate(current, { to, registryMirror: values.registryMirror, baseImage: values.baseImage }, deps.resolveImage);
  const stale = plan.changes.filter((c) => c.stale);
  const write = !values.check && stale.length > 0;

  if (write) {
    await deps.files.apply(located.dir, [{ path: located.dockerfile, action: 'overwrite', content: plan.text, warnings: [] }]);
  }
  if (values.json) deps.stdout(`${JSON.stringify({ file: name, changes: plan.changes, skipped: plan.skipped, written: write })}\n`);
  deps.stderr(report(name, plan, { check: Boolean(values.check), written: write }));
  if (plan.changes.length === 0) throw new UsageError(`${name}: no FROM line names a node image this tool can pin${plan.skipped.length > 0 ? ' (see above)' : ''}`);
  return values.check && stale.length > 0 ? STALE : ExitCode.ok;
}

function short(digest: string | null): string {
  return digest ? digest.slice(0, 'sha256:'.length + 12) : 'no digest';
}

function report(name: string, plan: UpdatePlan, run: { check: boolean; written: boolean }): string {
  const safe = terminalSafe;
  const lines: string[] = plan.warnings.map((w) => `warning: ${w}`);
  for (const c of plan.changes) {
    lines.push(
      c.stale
        ? `${safe(name)}:${c.line}  ${safe(c.from)} -> ${c.to}\n    ${c.oldVersion ?? 'untagged'} -> ${c.newVersion}, ${short(c.oldDigest)} -> ${short(c.newDigest)}`
        : `${safe(name)}:${c.line}  ${safe(c.from)} is current`,
    );
  }
  for (const s of plan.skipped) lines.push(`${safe(name)}:${s.line}  FROM ${safe(s.image)} not updated: ${safe(s.reason)}`);
  const stale = plan.changes.filter((c) => c.stale).length;
  if (plan.changes.length > 0) {
    lines.push(
      stale === 0 ? 'Every node pin is current.'
      : run.check ? `${stale} pin${stale === 1 ? ' is' : 's are'} stale (--check: nothing written). Run: npx create-secure-node-docker update`
      : `Updated ${safe(name)}: ${stale} pin${stale === 1 ? '' : 's'}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
