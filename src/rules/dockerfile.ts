// The Dockerfile rules `check` runs on any Dockerfile (hand-written, `docker init`, fly, ours).
// Each rule is a small function that reports hits by catalog id (catalog.ts holds severity,
// message, fix and the matching hadolint/Trivy/Checkov/BuildKit ids).
import type { Env, Instruction } from 'dockerfile-ast';
import type { Hit, RuleId } from './catalog.js';
import { looksLikeSecretName } from '../core/secret-name.js';
import { finalChain, isKeyword, lineOf, modelDockerfile, shellCommands, type DockerfileModel } from './dockerfile-model.js';
import { baseImageRules } from './dockerfile-base.js';
import { copySources, every, everyCommand, type DockerfileContext, execArgv, finalInstructions, finalLine, lastOf, mountsOf, subcommand, words } from './dockerfile-helpers.js';
import { dependencyRules } from './dockerfile-install.js';
import { finalBaseImage, imageRunsAsNonRoot, shellLessRuntime } from './shell-less.js';
import { fullInstallCopyRule } from './dockerfile-full-install-copy.js';

export type { DockerfileContext } from './dockerfile-helpers.js';

type DockerfileRule = (model: DockerfileModel, context: DockerfileContext) => Hit[];

const SECRET_FILE = /^(\.npmrc|\.env(\..+)?|id_rsa|id_ed25519)$|\.(pem|key)$/;
const WRITES_SECRET_FILE = />>?\s*["']?[^\s"';&|]*(\.npmrc|\.env)(\s|["';&|]|$)/;
const REGISTRY_SECRET_USE = /\.npmrc|\/run\/secrets\/|_auth|NPM_TOKEN|NODE_AUTH_TOKEN|npm_config_userconfig/i;
const PACKAGE_MANAGERS = ['npm', 'npx', 'yarn', 'pnpm', 'corepack'];
const INITS = ['dumb-init', 'tini', 'docker-init', 'catatonit'];
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2?|tar\.zst)$/i;

const simple = (rule: RuleId, keywords: string | string[], problem: (i: Instruction) => boolean | string): DockerfileRule =>
  (model) => every(model, keywords, (i) => {
    const result = problem(i);
    return result === false ? null : result === true ? '' : result;
  }).map((hit) => ({ rule, line: hit.line, ...(hit.message ? { message: hit.message } : {}) }));

export const DOCKERFILE_RULES: readonly DockerfileRule[] = [
  baseImageRules,
  nonRootUser,
  simple('cmd-exec-form', 'CMD', (i) => execArgv(i) === null),
  simple('entrypoint-exec-form', 'ENTRYPOINT', (i) => execArgv(i) === null),
  initPid1,
  startViaPackageManager,
  nodeEnvProduction,
  dependencyRules,
  fullInstallCopyRule,
  simple('no-secret-names', ['ENV', 'ARG'], (i) => {
    const secret = (i as Env).getProperties().map((p) => p.getName()).find(looksLikeSecretName);
    return secret ? `${i.getKeyword()} ${secret} looks like a secret; build args and env vars are stored in the image` : false;
  }),
  simple('no-auth-token-value', ['ENV', 'ARG'], (i) => /_auth/i.test(i.getArgumentsContent() ?? '')),
  simple('no-copy-secrets', ['COPY', 'ADD'], (i) => {
    const secret = copySources(i).find((source) => SECRET_FILE.test(source.replace(/\/+$/, '').split('/').at(-1) ?? ''));
    return secret ? `${i.getKeyword()} of ${secret} puts a secret into an image layer` : false;
  }),
  simple('no-copy-secrets', 'RUN', (i) => {
    const written = WRITES_SECRET_FILE.exec(i.getArgumentsContent() ?? '')?.[1];
    return written ? `this RUN writes ${written} into an image layer` : false;
  }),
  simple('registry-secret-via-mount', 'RUN', (run) => {
    const secretMounts = mountsOf(run).filter((o) => o.get('type') === 'secret');
    if (secretMounts.some((o) => !o.get('id'))) return 'a secret mount without id=';
    return REGISTRY_SECRET_USE.test(run.getArgumentsContent() ?? '') && secretMounts.length === 0;
  }),
  simple('no-add', 'ADD', (i) => copySources(i).some((s) => !/^(https?:\/\/|git@)/.test(s) && !ARCHIVE.test(s))),
  (model) => everyCommand(model, 'apk-no-cache', (w, run) => subcommand(w, 'apk') === 'add' && !w.includes('--no-cache') && !cacheMounted(run, '/var/cache/apk')),
  aptGetInstall,
  (model) => everyCommand(model, 'no-sudo', (w) => w.includes('sudo')),
  simple('workdir-absolute', 'WORKDIR', (i) => !/^(\/|\$)/.test(i.getArgumentsContent() ?? '')),
  stageAsCasing,
  simple('env-key-value-form', 'ENV', (i) => (i as Env).getProperties().some((p) => p.getAssignmentOperator() === null)),
  noHealthcheck,
  shellLessRuntime,
  simple('expose-privileged-port', 'EXPOSE', (i) => {
    const low = i.getArguments().map((a) => a.getValue()).find((port) => /^\d+/.test(port) && Number(/^\d+/.exec(port)![0]) < 1024);
    return low ? `EXPOSE ${low}: ports below 1024 need root or CAP_NET_BIND_SERVICE` : false;
  }),
];

export function checkDockerfileText(text: string, context: DockerfileContext): Hit[] {
  const model = modelDockerfile(text);
  return DOCKERFILE_RULES.flatMap((rule) => rule(model, context));
}

// ---- rule functions -------------------------------------------------------------------------

function nonRootUser(model: DockerfileModel): Hit[] {
  const user = lastOf(finalInstructions(model), 'USER');
  const base = finalBaseImage(model);
  if (!user && base && imageRunsAsNonRoot(base.name, base.tag)) return [];
  if (!user) return [{ rule: 'non-root-user', line: finalLine(model), message: 'the final stage has no USER, so the app runs as root' }];
  const value = user.getArgumentsContent() ?? '';
  const [uid, gid] = value.split(':');
  if (uid === 'root' || uid === '0' || gid === 'root' || gid === '0') return [{ rule: 'non-root-user', line: lineOf(user), message: `USER ${value} is root` }];
  if (!/^\d+(:\d+)?$/.test(value)) return [{ rule: 'numeric-user', line: lineOf(user), message: `USER ${value} is not numeric; policies such as runAsNonRoot cannot verify it` }];
  return [];
}

/** ENTRYPOINT + CMD of the final stage as Docker combines them (shell form: its words). */
function containerCommand(model: DockerfileModel): { argv: string[]; line: number } {
  const instructions = finalInstructions(model);
  const entrypoint = lastOf(instructions, 'ENTRYPOINT');
  const cmd = lastOf(instructions, 'CMD');
  const argvOf = (i: Instruction | undefined) => (i ? (execArgv(i) ?? ['/bin/sh', '-c', ...words(i.getArgumentsContent() ?? '')]) : []);
  const argv = entrypoint && execArgv(entrypoint) === null ? argvOf(entrypoint) : [...argvOf(entrypoint), ...argvOf(cmd)];
  return { argv, line: lineOf(cmd ?? entrypoint ?? model.stages.at(-1)?.from ?? model.dockerfile.getInstructions()[0]!) };
}

function initPid1(model: DockerfileModel, context: DockerfileContext): Hit[] {
  if (context.composeInit || model.stages.length === 0) return [];
  const { argv, line } = containerCommand(model);
  const program = (argv[0] ?? '').split('/').at(-1) ?? '';
  if (!INITS.includes(program)) return [{ rule: 'init-pid1', line }];
  const mentioned = finalInstructions(model).some((i) => (isKeyword(i, 'RUN') || isKeyword(i, 'COPY')) && (i.getArgumentsContent() ?? '').includes(program));
  const baseHasIt = program === 'docker-init';
  return mentioned || baseHasIt ? [] : [{ rule: 'init-pid1', line, message: `the command starts with ${program}, but the final stage does not install it` }];
}

function startViaPackageManager(model: DockerfileModel): Hit[] {
  if (model.stages.length === 0) return [];
  const { argv, line } = containerCommand(model);
  const manager = argv.flatMap(words).map((w) => w.split('/').at(-1)).find((w) => PACKAGE_MANAGERS.includes(w ?? ''));
  return manager ? [{ rule: 'start-via-package-manager', line, message: `the app is started through ${manager}, which does not forward SIGTERM to Node; run node directly` }] : [];
}

function nodeEnvProduction(model: DockerfileModel): Hit[] {
  const assignments = finalInstructions(model)
    .filter((i) => isKeyword(i, 'ENV'))
    .flatMap((i) => (i as Env).getProperties().filter((p) => p.getName() === 'NODE_ENV'));
  const value = assignments.at(-1)?.getUnescapedValue()?.replace(/^["']|["']$/g, '');
  return value === 'production' ? [] : [{ rule: 'node-env-production', line: finalLine(model) }];
}

function aptGetInstall(model: DockerfileModel): Hit[] {
  return every(model, 'RUN', (run) => {
    const installs = shellCommands(run).filter((w) => subcommand(w, 'apt-get') === 'install');
    if (installs.length === 0) return null;
    if (!installs.every((w) => w.some((word) => /^-[a-z]*y[a-z]*$|^--yes$|^--assume-yes$/.test(word)))) return 'apt-get install without -y';
    if (!installs.every((w) => w.includes('--no-install-recommends'))) return 'apt-get install without --no-install-recommends';
    if (cacheMounted(run, '/var/lib/apt/lists')) return null;
    if (!/rm\s+-(rf|fr)\s+\/var\/lib\/apt\/lists/.test(run.getArgumentsContent() ?? '')) return 'apt-get install without rm -rf /var/lib/apt/lists/* in the same RUN';
    return null;
  }).map((hit) => ({ rule: 'apt-get-install', ...hit }));
}

function stageAsCasing({ stages }: DockerfileModel): Hit[] {
  return stages.flatMap(({ from }) => {
    const as = from.getArguments()[1]?.getValue();
    if (as === undefined || as.toUpperCase() !== 'AS') return [];
    const fromUpper = from.getKeyword() === from.getKeyword().toUpperCase();
    return as !== (fromUpper ? 'AS' : 'as') ? [{ rule: 'stage-as-uppercase' as const, line: lineOf(from), message: `stage keyword "${as}" does not match the case of ${from.getKeyword()}` }] : [];
  });
}

function noHealthcheck(model: DockerfileModel): Hit[] {
  const instructions = finalChain(model).flatMap((s) => s.instructions);
  const exposes = instructions.some((i) => isKeyword(i, 'EXPOSE'));
  const health = lastOf(instructions, 'HEALTHCHECK');
  if (!exposes || (health && !/^\s*NONE\s*$/i.test(health.getArgumentsContent() ?? ''))) return [];
  return [{ rule: 'no-healthcheck', line: health ? lineOf(health) : finalLine(model) }];
}

// ---- helpers --------------------------------------------------------------------------------

function cacheMounted(run: Instruction, target: string): boolean {
  return mountsOf(run).some((o) => (o.get('type') === 'cache' || o.get('type') === 'tmpfs') && (o.get('target') ?? o.get('dst') ?? o.get('destination'))?.replace(/\/+$/, '') === target);
}
