// `create-secure-node-docker check [path]`: audits a Dockerfile (any, not only ours), its
// .dockerignore and compose file. Human lines on stderr; --format json|sarif on stdout.
// Exit 0 clean, 1 findings at or above --fail-on, 2 usage or unreadable input.
import path from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import type { FlagSpecs, FlagValues } from '../../options/flag-spec.js';
import { atLeast, SEVERITIES, type Finding, type Severity } from '../../rules/catalog.js';
import { checkSetup, ComposeSyntaxError, type Setup } from '../../rules/check-files.js';
import { checkManifests, NamedManifestError } from '../../rules/check-manifests.js';
import { readManifests } from './manifest-files.js';
import { composeForDockerfile } from './compose-for-dockerfile.js';
import { humanReport, jsonReport, sarifReport } from '../../rules/report.js';
import type { CliDeps } from '../deps.js';
import { defineCommand } from './command.js';
import { displayName, locateDockerfile, readOptional, readRequired } from './setup-files.js';

/** Exit code when findings reach --fail-on (shares 1 with "unexpected failure", as linters do). */
const FINDINGS = 1;

const OPTIONS = {
  format: { flag: 'format', type: 'choice', choices: ['human', 'json', 'sarif'], default: 'human', describe: 'Output: human (stderr), json or sarif (stdout)' },
  json: { flag: 'json', type: 'boolean', default: false, describe: 'The same as --format json' },
  failOn: { flag: 'fail-on', type: 'choice', choices: SEVERITIES, default: 'warning', describe: 'Lowest severity that makes the exit code 1' },
} as const satisfies FlagSpecs;

export const command = defineCommand({
  options: OPTIONS,
  help: {
    usage: '$0 [dir] [options]\n\nAudit a Dockerfile, its .dockerignore and compose file against the security rules. [dir] is a\ndirectory (default: .) or a Dockerfile; its k8s/ manifests are audited too. [dir] may also be a\ndirectory of Kubernetes manifests (k8s/) or one manifest file.',
    exitCodes: 'Exit codes:\n  0    no findings at or above --fail-on\n  1    findings at or above --fail-on (default: warning)\n  2    invalid usage, no Dockerfile, unreadable input or invalid compose YAML',
    examples: [
      ['$0', 'Check ./Dockerfile, ./.dockerignore and ./compose.yaml'],
      ['$0 docker/api.Dockerfile --format sarif > check.sarif', 'SARIF for GitHub code scanning'],
      ['$0 --json --fail-on error', 'JSON findings; only errors fail the run'],
      ['$0 k8s/ --fail-on info', 'Audit Kubernetes manifests against Pod Security "restricted" and the rollout rules'],
    ],
  },
  run: runCheck,
});

async function runCheck(values: FlagValues<typeof OPTIONS>, deps: CliDeps): Promise<number> {
  if (values.json && values.format !== 'human' && values.format !== 'json') throw new UsageError('--json and --format disagree; pass one of them');
  const format = values.json ? 'json' : values.format;
  const failOn = values.failOn;
  const given = values.dir;

  // A Kubernetes manifest, or a directory of them (k8s/): the manifest rules only.
  const manifestsOnly = await readManifests(deps, given);
  if (manifestsOnly) {
    const findings = withNamedErrors(() => checkManifests(manifestsOnly.manifests, manifestsOnly.kustomization));
    return report(findings, manifestsOnly.checked, format, failOn, deps);
  }

  const located = await locateDockerfile(deps.cwd, given, deps.files);
  const fs = deps.projectFs(located.dir);
  const name = (file: string) => displayName(deps.cwd, path.join(located.dir, file));
  const dockerfileText = await readRequired(fs, located.dir, located.dockerfile);
  const found = await composeForDockerfile(located, deps.projectFs);
  const compose: Setup['compose'] = found ? { name: displayName(deps.cwd, path.join(found.dir, found.file)), text: found.text } : undefined;
  // The .dockerignore the build reads: beside a named Dockerfile, else at the build context, which
  // is the compose file's when it names one (a workspace package builds from the workspace root).
  const contexts = (found?.contexts ?? []).map((c) => path.relative(located.dir, c)).filter((c) => c !== '');
  const ignoreNames = [...(located.dockerfile === 'Dockerfile' ? [] : [`${located.dockerfile}.dockerignore`]), ...(contexts.length > 0 ? contexts.map((c) => path.join(c, '.dockerignore')) : ['.dockerignore'])];
  let dockerignore: Setup['dockerignore'] = { name: name(ignoreNames.at(-1) ?? '.dockerignore'), text: undefined };
  for (const ignoreName of ignoreNames) {
    const dir = path.resolve(located.dir, path.dirname(ignoreName));
    const text = await readOptional(deps.projectFs(dir), dir, path.basename(ignoreName));
    if (text !== undefined) {
      dockerignore = { name: name(ignoreName), text };
      break;
    }
  }
  const setup: Setup = { dockerfile: { name: name(located.dockerfile), text: dockerfileText }, dockerignore, compose };
  let findings: Finding[];
  try {
    findings = checkSetup(setup, (deps.now ?? (() => new Date()))());
  } catch (error) {
    if (error instanceof ComposeSyntaxError) throw new UsageError(`${compose?.name ?? 'compose file'} is not valid YAML: ${error.message}`);
    throw error;
  }

  // The project's k8s/ manifests, when there are any, are audited with the rest.
  const k8s = await readManifests(deps, path.join(located.dir, 'k8s'), true);
  if (k8s) findings.push(...withNamedErrors(() => checkManifests(k8s.manifests, k8s.kustomization)));
  return report(findings, [setup.dockerfile.name, ...(dockerignore.text !== undefined ? [dockerignore.name] : []), ...(compose ? [compose.name] : []), ...(k8s?.checked ?? [])], format, failOn, deps);
}

function report(findings: Finding[], checked: string[], format: string, failOn: Severity, deps: CliDeps): number {
  if (format === 'json') deps.stdout(`${jsonReport(findings)}\n`);
  if (format === 'sarif') deps.stdout(`${sarifReport(findings, { version: deps.version })}\n`);
  if (format === 'human') deps.stderr(humanReport(findings, checked));
  return findings.some((f) => atLeast(f.severity, failOn)) ? FINDINGS : ExitCode.ok;
}

function withNamedErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof NamedManifestError) throw new UsageError(error.message);
    throw error;
  }
}
