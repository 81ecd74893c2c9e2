// Interactive questions for what the flags did not give, with detected values as defaults.
// The prompt function is injected: the real one (inquirer, loaded only when prompting) lives in
// the shell; tests pass a scripted one. Answers are validated by the same rules as flags.
import type { Flags } from './args.js';
import type { ProjectFacts } from '../detect/facts.js';
import { UsageError } from '../errors.js';
import { DEFAULT_PORT, type Answers, type Base } from '../options/resolve.js';
import * as v from '../options/validate.js';

export type Question =
  | { type: 'input'; name: string; message: string; default?: string; validate?: (value: string) => true | string }
  | { type: 'confirm'; name: string; message: string; default: boolean }
  | { type: 'select'; name: string; message: string; default: string; choices: { name: string; value: string }[] };

export type Ask = (question: Question) => Promise<string | boolean>;

/** Asks, in a fixed order, only for what no flag gave. */
export async function askForMissing(flags: Flags, facts: ProjectFacts, ask: Ask): Promise<Answers> {
  const answers: Answers = {};
  if (flags.worker === undefined) {
    const kind = await ask({
      type: 'select',
      name: 'kind',
      message: 'What kind of app is this?',
      default: facts.likelyWorker ? 'worker' : 'web',
      choices: [
        { name: 'Web app (listens on a port)', value: 'web' },
        { name: 'Worker (no port, no health check)', value: 'worker' },
      ],
    });
    answers.worker = kind === 'worker';
  }
  const worker = flags.worker ?? answers.worker ?? false;

  if (!facts.packageManager.lockfile && flags.packageManager === undefined) {
    answers.packageManager = (await ask({
      type: 'select',
      name: 'packageManager',
      message: 'No lockfile found. Which package manager does this project use?',
      default: facts.packageManager.name,
      choices: ['npm', 'pnpm', 'yarn'].map((name) => ({ name, value: name })),
    })) as Answers['packageManager'];
    if (flags.allowNoLockfile === undefined) {
      answers.allowNoLockfile = (await ask({
        type: 'confirm',
        name: 'allowNoLockfile',
        message: 'Without a lockfile, builds are not reproducible. Generate anyway? (better: create a lockfile first)',
        default: false,
      })) as boolean;
      if (!answers.allowNoLockfile) throw new UsageError('no lockfile: create one (e.g. "npm install --package-lock-only") and run again');
    }
  }

  if (flags.build === undefined && facts.build) {
    answers.build = (await ask({ type: 'confirm', name: 'build', message: `Run "${facts.build.script}" in a build stage?`, default: true })) as boolean;
  }
  if (flags.entry === undefined) {
    answers.entry = (await ask({
      type: 'input',
      name: 'entry',
      message: 'Entry file Node runs in the container',
      default: facts.entry,
      validate: check((value) => v.projectPath(value, 'entry')),
    })) as string;
  }
  if (!worker && flags.port === undefined) {
    answers.port = (await ask({
      type: 'input',
      name: 'port',
      message: 'Port the app listens on',
      default: String(facts.port ?? DEFAULT_PORT),
      validate: check((value) => v.port(value, 'port')),
    })) as string;
  }
  if (!worker && flags.healthcheckPath === undefined && flags.healthcheck === undefined) {
    const path = (await ask({
      type: 'input',
      name: 'healthcheckPath',
      message: 'Health check path (leave empty for no HEALTHCHECK)',
      default: facts.healthcheckPath ?? '',
      validate: check((value) => (value === '' ? value : v.healthPath(value))),
    })) as string;
    answers.healthcheckPath = path === '' ? false : path;
  }
  if (flags.writableDirs === undefined) {
    const dirs = (await ask({
      type: 'input',
      name: 'writableDirs',
      message: 'Directories the app writes to, comma-separated (everything else stays read-only)',
      default: '',
      validate: check((value) => splitList(value).map((d) => v.projectPath(d, 'directory'))),
    })) as string;
    answers.writableDirs = splitList(dirs);
  }
  if (flags.native === undefined) {
    const why = facts.nativeReasons.length > 0 ? ` (found: ${facts.nativeReasons.join(', ')})` : '';
    answers.native = (await ask({ type: 'confirm', name: 'native', message: `Does it build native modules${why}?`, default: facts.native })) as boolean;
  }
  if (flags.base === undefined) {
    answers.base = (await ask({
      type: 'select',
      name: 'base',
      message: 'Base image',
      default: 'alpine',
      choices: [
        { name: 'Alpine (small; musl libc)', value: 'alpine' },
        { name: 'Debian slim (glibc, for native modules that need it)', value: 'slim' },
      ],
    })) as Base;
  }
  return answers;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Turns a validator that throws into the "true or message" form prompts use. */
function check(validate: (value: string) => unknown): (value: string) => true | string {
  return (value) => {
    try {
      validate(value);
      return true;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
}
