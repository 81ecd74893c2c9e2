// The security and style rules every generated Dockerfile must pass (issue 2), drawn from
// hadolint, Trivy and Checkov, none of which can be installed here. Each rule is a small named
// function in RULES; checkDockerfile returns every violation, so an empty array means "passes".
import type { Instruction, Env, From } from 'dockerfile-ast';
import {
  finalChain,
  flagNames,
  isKeyword,
  lineOf,
  modelDockerfile,
  mounts,
  parseImageRef,
  shellCommands,
  type DockerfileModel,
  type Stage,
} from './dockerfile-model.js';

export interface Violation {
  rule: string;
  /** 1-based line of the offending instruction (the final FROM when something is missing). */
  line: number;
  message: string;
}

type Finding = Omit<Violation, 'rule'>;

interface Rule {
  name: string;
  check(model: DockerfileModel): Finding[];
}

export function checkDockerfile(text: string): Violation[] {
  const model = modelDockerfile(text);
  return RULES.flatMap((rule) => rule.check(model).map((finding) => ({ rule: rule.name, ...finding })));
}

const PACKAGE_MANAGERS = ['npm', 'npx', 'yarn', 'pnpm', 'corepack'];
const SECRET_NAME_PARTS = new Set([
  'TOKEN', 'AUTHTOKEN', 'PASSWORD', 'PASSWD', 'PASS', 'SECRET', 'SECRETS', 'AUTH', 'KEY', 'APIKEY',
  'CREDENTIAL', 'CREDENTIALS',
]);
const SECRET_FILE = /^(\.npmrc|\.env|id_rsa)|\.(pem|key)$/;
const REGISTRY_SECRET_USE = /\.npmrc|\/run\/secrets\/|_auth|NPM_TOKEN|NODE_AUTH_TOKEN|npm_config_userconfig/i;

export const RULES: Rule[] = [
  { name: 'pinned-from', check: pinnedFrom },
  { name: 'stage-as-uppercase', check: stageAsUppercase },
  { name: 'non-root-user', check: nonRootUser },
  { name: 'cmd-exec-form', check: (m) => every(m, 'CMD', (i) => (execArgv(i) ? null : 'CMD is in shell form; use JSON exec form ["dumb-init", "node", "..."]')) },
  { name: 'cmd-dumb-init', check: cmdDumbInit },
  { name: 'entrypoint-exec-form', check: (m) => every(m, 'ENTRYPOINT', (i) => (execArgv(i) ? null : 'ENTRYPOINT is in shell form; use JSON exec form')) },
  { name: 'no-add', check: (m) => every(m, 'ADD', () => 'ADD is not allowed; use COPY') },
  { name: 'workdir-absolute', check: (m) => every(m, 'WORKDIR', (i) => (i.getArgumentsContent()?.startsWith('/') ? null : `WORKDIR ${i.getArgumentsContent() ?? ''} is not an absolute path`)) },
  { name: 'apk-no-cache', check: (m) => everyCommand(m, (w) => (subcommand(w, 'apk') === 'add' && !w.includes('--no-cache') ? 'apk add without --no-cache leaves the package index in the layer' : null)) },
  { name: 'apt-get-install', check: aptGetInstall },
  { name: 'no-sudo', check: (m) => everyCommand(m, (w) => (w.includes('sudo') ? 'sudo in a RUN line; the build already runs as root' : null)) },
  { name: 'no-secret-names', check: noSecretNames },
  { name: 'no-auth-token-value', check: (m) => every(m, ['ENV', 'ARG'], (i) => (/_auth/i.test(i.getArgumentsContent() ?? '') ? `${i.getKeyword()} value contains an npm _auth token setting` : null)) },
  { name: 'no-copy-secrets', check: noCopySecrets },
  { name: 'final-install-production', check: finalInstallProduction },
  { name: 'node-env-production', check: nodeEnvProduction },
  { name: 'env-key-value-form', check: (m) => every(m, 'ENV', (i) => ((i as Env).getProperties().some((p) => p.getAssignmentOperator() === null) ? 'legacy "ENV key value" form; use ENV key=value' : null)) },
  { name: 'dumb-init-installed', check: dumbInitInstalled },
  { name: 'no-copy-link', check: (m) => every(m, 'COPY', (i) => (flagNames(i).includes('link') ? 'COPY --link is unknown to the Docker Engine 20.10 built-in frontend' : null)) },
  { name: 'no-secret-env-mount', check: (m) => every(m, 'RUN', (i) => (mounts(i).some((o) => o.get('type') === 'secret' && o.has('env')) ? '--mount=type=secret,env= is unknown to the Docker Engine 20.10 built-in frontend' : null)) },
  { name: 'no-syntax-directive', check: ({ dockerfile }) => dockerfile.getDirectives().filter((d) => d.getName().toLowerCase() === 'syntax').map((d) => ({ line: d.getRange().start.line + 1, message: '# syntax= makes the build pull a frontend image; the Dockerfile must build on the built-in frontend' })) },
  { name: 'no-heredoc', check: (m) => every(m, ['RUN', 'COPY'], (i) => ((i.getArgumentsContent() ?? '').trimStart().startsWith('<<') ? 'heredocs need a newer Dockerfile frontend than Docker Engine 20.10 has built in' : null)) },
  { name: 'registry-secret-via-mount', check: registrySecretViaMount },
];

// ---- rule functions -------------------------------------------------------------------------

function pinnedFrom({ dockerfile, stages }: DockerfileModel): Finding[] {
  const initialArgs = new Map(dockerfile.getInitialARGs().flatMap((arg) => arg.getProperties().map((p) => [p.getName(), p.getValue() ?? ''] as const)));
  return stages.flatMap((stage) => {
    const raw = stage.from.getImage() ?? '';
    if (stage.parent !== null || raw.toLowerCase() === 'scratch') return [];
    const image = raw.replace(/\$\{?(\w+)\}?/g, (_, name: string) => initialArgs.get(name) ?? '');
    const { tag, digest } = parseImageRef(image);
    const problem =
      digest === null || !/^sha256:[0-9a-f]{64}$/.test(digest) ? 'is not pinned by digest (name:tag@sha256:<64 hex>)'
      : tag === null ? 'has a digest but no readable tag'
      : tag === 'latest' ? 'uses the latest tag'
      : !/^v?\d+\.\d+\.\d+/.test(tag) ? `tag "${tag}" is not an exact version`
      : null;
    return problem ? [{ line: lineOf(stage.from), message: `FROM ${raw} ${problem}` }] : [];
  });
}

function stageAsUppercase({ stages }: DockerfileModel): Finding[] {
  return stages.flatMap(({ from }) => {
    const keyword = from.getArguments()[1]?.getValue();
    return keyword !== undefined && keyword !== 'AS' ? [{ line: lineOf(from), message: `stage keyword "${keyword}" must be uppercase AS` }] : [];
  });
}

function nonRootUser(model: DockerfileModel): Finding[] {
  const user = last(finalInstructions(model), 'USER');
  if (!user) return [{ line: finalLine(model), message: 'the final stage has no USER, so the app runs as root' }];
  const value = user.getArgumentsContent() ?? '';
  const numeric = /^(\d+):(\d+)$/.exec(value);
  if (!numeric) return [{ line: lineOf(user), message: `USER ${value} must be a numeric uid:gid such as 1000:1000` }];
  if (Number(numeric[1]) === 0 || Number(numeric[2]) === 0) return [{ line: lineOf(user), message: `USER ${value} is root` }];
  return [];
}

function cmdDumbInit(model: DockerfileModel): Finding[] {
  const instructions = finalInstructions(model);
  const cmd = last(instructions, 'CMD');
  if (!cmd) return [{ line: finalLine(model), message: 'the final stage has no CMD' }];
  const entrypoint = last(instructions, 'ENTRYPOINT');
  const argv = [...(entrypoint ? (execArgv(entrypoint) ?? []) : []), ...(execArgv(cmd) ?? [])];
  const findings: Finding[] = [];
  if (argv[0] !== 'dumb-init') findings.push({ line: lineOf(cmd), message: 'the container command does not start with dumb-init' });
  const commandText = `${argv.join(' ')} ${cmd.getArgumentsContent() ?? ''}`; // shell form too
  const manager = PACKAGE_MANAGERS.find((pm) => new RegExp(`(^|[\\s/"])${pm}(\\s|"|$)`).test(commandText));
  if (manager) findings.push({ line: lineOf(cmd), message: `CMD runs the app through ${manager}, which does not forward signals; run node directly` });
  return findings;
}

function aptGetInstall(model: DockerfileModel): Finding[] {
  return every(model, 'RUN', (run) => {
    const installs = shellCommands(run).filter((w) => subcommand(w, 'apt-get') === 'install');
    if (installs.length === 0) return null;
    if (!installs.every((w) => w.some((word) => /^-[a-z]*y[a-z]*$|^--yes$|^--assume-yes$/.test(word)))) return 'apt-get install without -y';
    if (!installs.every((w) => w.includes('--no-install-recommends'))) return 'apt-get install without --no-install-recommends';
    if (!/rm\s+-(rf|fr)\s+\/var\/lib\/apt\/lists/.test(run.getArgumentsContent() ?? '')) return 'apt-get install without rm -rf /var/lib/apt/lists/* in the same RUN';
    return null;
  });
}

function noSecretNames(model: DockerfileModel): Finding[] {
  return every(model, ['ENV', 'ARG'], (i) => {
    const names = (i as Env).getProperties().map((p) => p.getName());
    const secret = names.find((name) => nameParts(name).some((part) => SECRET_NAME_PARTS.has(part)));
    return secret ? `${i.getKeyword()} ${secret} looks like a secret; build args and env vars are stored in the image` : null;
  });
}

function noCopySecrets(model: DockerfileModel): Finding[] {
  return every(model, ['COPY', 'ADD'], (i) => {
    const secret = copySources(i).find((source) => SECRET_FILE.test(source.replace(/\/+$/, '').split('/').at(-1) ?? ''));
    return secret ? `${i.getKeyword()} of ${secret} puts a secret into an image layer` : null;
  });
}

function finalInstallProduction(model: DockerfileModel): Finding[] {
  return finalInstructions(model)
    .filter((i) => isKeyword(i, 'RUN'))
    .flatMap((run) => shellCommands(run).filter(installsDevDependencies).map((w) => ({ line: lineOf(run), message: `"${w.join(' ')}" in the final stage installs devDependencies` })));
}

function installsDevDependencies(words: string[]): boolean {
  const npm = subcommand(words, 'npm');
  if (npm && ['ci', 'install', 'i', 'add'].includes(npm)) {
    return !words.includes('-g') && !words.includes('--global') && !words.includes('--omit=dev');
  }
  const pnpm = subcommand(words, 'pnpm');
  if (pnpm === 'install' || pnpm === 'i') return !['--prod', '-P', '--production'].some((f) => words.includes(f));
  if (words.includes('yarn')) {
    const yarn = subcommand(words, 'yarn');
    const installs = yarn === undefined || yarn === 'install' || (yarn === 'workspaces' && words.includes('focus'));
    return installs && !words.includes('--production');
  }
  return false;
}

function nodeEnvProduction(model: DockerfileModel): Finding[] {
  const assignments = finalInstructions(model)
    .filter((i) => isKeyword(i, 'ENV'))
    .flatMap((i) => (i as Env).getProperties().filter((p) => p.getName() === 'NODE_ENV'));
  const lastValue = assignments.at(-1);
  const ok = lastValue?.getAssignmentOperator() === '=' && lastValue.getUnescapedValue()?.replace(/^["']|["']$/g, '') === 'production';
  return ok ? [] : [{ line: finalLine(model), message: 'the final stage does not set ENV NODE_ENV=production' }];
}

function dumbInitInstalled(model: DockerfileModel): Finding[] {
  const installs = finalInstructions(model)
    .filter((i) => isKeyword(i, 'RUN'))
    .flatMap(shellCommands)
    .some((w) => (subcommand(w, 'apk') === 'add' || subcommand(w, 'apt-get') === 'install') && w.includes('dumb-init'));
  return installs ? [] : [{ line: finalLine(model), message: 'the final stage does not install dumb-init (apk add --no-cache dumb-init)' }];
}

function registrySecretViaMount(model: DockerfileModel): Finding[] {
  return every(model, 'RUN', (run) => {
    const secretMounts = mounts(run).filter((o) => o.get('type') === 'secret');
    if (secretMounts.some((o) => !o.get('id'))) return 'a secret mount without id=';
    const usesSecret = REGISTRY_SECRET_USE.test(run.getArgumentsContent() ?? '');
    return usesSecret && secretMounts.length === 0 ? 'this RUN uses registry credentials without --mount=type=secret,id=...' : null;
  });
}

// ---- helpers --------------------------------------------------------------------------------

function every(model: DockerfileModel, keywords: string | string[], problem: (i: Instruction) => string | null): Finding[] {
  const wanted = typeof keywords === 'string' ? [keywords] : keywords;
  return model.dockerfile
    .getInstructions()
    .filter((i) => wanted.some((k) => isKeyword(i, k)))
    .flatMap((i) => {
      const message = problem(i);
      return message ? [{ line: lineOf(i), message }] : [];
    });
}

function everyCommand(model: DockerfileModel, problem: (words: string[]) => string | null): Finding[] {
  return every(model, 'RUN', (run) => shellCommands(run).map(problem).find((m) => m !== null) ?? null);
}

/** The first non-flag word after `program` in a command, e.g. subcommand(['apk','add','-U'], 'apk') = 'add'. */
function subcommand(words: string[], program: string): string | undefined {
  const at = words.findIndex((w) => w === program || w.endsWith(`/${program}`));
  return at === -1 ? undefined : words.slice(at + 1).find((w) => !w.startsWith('-'));
}

function finalInstructions(model: DockerfileModel): Instruction[] {
  return finalChain(model).flatMap((stage: Stage) => stage.instructions);
}

function finalLine(model: DockerfileModel): number {
  const from: From | undefined = model.stages.at(-1)?.from;
  return from ? lineOf(from) : 1;
}

function last(instructions: Instruction[], keyword: string): Instruction | undefined {
  return instructions.filter((i) => isKeyword(i, keyword)).at(-1);
}

/** The argv of an exec-form (JSON array) instruction, or null when it is in shell form. */
function execArgv(instruction: Instruction): string[] | null {
  try {
    const parsed: unknown = JSON.parse(instruction.getArgumentsContent() ?? '');
    return Array.isArray(parsed) && parsed.every((a) => typeof a === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** COPY/ADD sources (every argument but the destination), for both shell and JSON form. */
function copySources(instruction: Instruction): string[] {
  const argv = execArgv(instruction) ?? instruction.getArguments().map((a) => a.getValue());
  return argv.slice(0, -1);
}

/** NPM_TOKEN -> [NPM, TOKEN]; npmAuthToken -> [NPM, AUTH, TOKEN]. */
function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\-.]+/)
    .map((part) => part.toUpperCase());
}
