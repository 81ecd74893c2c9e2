// Options + resolved image -> the values the templates print. Everything a template shows is
// computed here from validated options, so templates stay close to the files they produce.
import type { ResolvedImage } from '../image/types.js';
import type { Options } from '../options/options.js';
import { regenerateCommand } from '../options/write-back.js';
import { npmrcSecretShape } from './npmrc-secret.js';
import type { RecipePlan } from '../recipes/types.js';
import { installCommands } from './package-manager.js';
import { healthProbe } from './health-probe.js';
import { installCopies, turboPruneLines } from './install-copies.js';
import { recipeView } from './recipe-view.js';
import { shutdownHow } from '../shutdown/choose.js';
import { PRELOAD_FILE } from '../shutdown/module.js';
import { runtimeBase } from './runtime-base.js';
import { runtimeView } from './runtime-view.js';
import { planEntry, planSourceEntry } from '../recipes/plan-entry.js';
import { baseLabel, isStale } from './dockerfile-header.js';
import { DOCKER_STOP_SECONDS, HARDENED_RUN_FLAGS, SHUTDOWN_TIMEOUT_SECONDS, STOP_GRACE_PERIOD_SECONDS } from '../core/hardening.js';
import type { ShutdownPlacement } from './shutdown-placement.js';

const NPMRC_SECRET_TARGET = '/root/.npmrc';

export interface ViewInput {
  options: Options;
  image: ResolvedImage;
  generatorVersion: string;
  /** package.json name or the directory name; sanitised here. */
  projectName: string;
  /** The plan as the Dockerfile renders it (the preload filled in; re-rooted for a workspace package). */
  plan: RecipePlan;
  /** The recipe's plan as planned: what the Regenerate line and the messages name (the command as the user chose it). */
  planned: RecipePlan;
  /** Where the wired module goes; undefined when the framework or a preload does the shutdown. */
  shutdown: ShutdownPlacement | undefined;
  shutdownModulePath: string | undefined;
  wiring: string[];
  /** The final stage's own image when the base has one (distroless). */
  runtimeImage?: ResolvedImage;
}

export function buildView(input: ViewInput) {
  const { options, image } = input;
  const install = installCommands(options);
  const installMounts = [`--mount=type=cache,target=${install.cacheTarget}${install.cacheSharing ? `,sharing=${install.cacheSharing}` : ''}`];
  const npmrcMount = options.registry ? `--mount=type=secret,id=npmrc,target=${NPMRC_SECRET_TARGET}` : undefined;
  if (npmrcMount) installMounts.push(npmrcMount);
  const recipe = recipeView(input.plan, options, install, installMounts);
  const wsStages = input.plan.workspace;
  // What the install needs before it runs: the manifests, the project's inputs (patches/, .npmrc settings) and the recipe's (a Prisma schema).
  const installCopyArgs = installCopies(install.manifests, input.plan.installInputs, wsStages);
  const runtime = runtimeBase(options.base);
  const alpine = runtime.buildFlavor === 'alpine' || runtime.buildFlavor === 'alpine-dev';
  // A tools stage exists only when installing needs something the base image lacks.
  const tools = options.native || install.packageManagerInstall !== undefined || recipe.buildPackages !== false;
  const serviceName = serviceNameFrom(input.projectName);
  const { appDir, context, dockerfile } = options.layout;
  const dashF = dockerfile === 'Dockerfile' ? '' : `-f ${dockerfile} `;
  const writable = recipe.writable.map((d) => `${appDir}/${d}`);
  const volumes = recipe.writable.map((d) => ({ name: `${serviceName}-${d.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`, target: `${appDir}/${d}` }));
  const healthScript = healthProbe(options);
  const { args: buildArgs, secrets: buildSecrets } = options.buildVariables;
  const buildCommandFlags = [
    ...(options.registry ? [' --secret id=npmrc,src=$HOME/.npmrc'] : []),
    ...buildArgs.map((name) => ` --build-arg ${name}`),
    ...buildSecrets.map((name) => ` --secret id=${name},env=${name}`),
  ].join('');
  const secret = npmrcSecretShape(options.registry);

  const runtimeStage = runtimeView({ runtime, image: input.runtimeImage, command: recipe.plan.command, writable, runtimePackages: recipe.plan.systemPackages.runtime, healthScript });

  const runFlags = [
    '--rm',
    options.port !== undefined ? `-p 127.0.0.1:${options.port}:${options.port}` : '',
    HARDENED_RUN_FLAGS.join(' '),
    ...volumes.map((v) => `-v ${v.name}:${v.target}`),
    options.envFile !== undefined ? `--env-file ${options.envFile}` : '',
  ].filter(Boolean);

  return {
    generatorVersion: input.generatorVersion,
    image,
    baseLabel: runtime.buildLabel ? runtime.buildLabel(baseLabel(image.tag, alpine)) : baseLabel(image.tag, alpine),
    libc: alpine ? 'musl (Alpine)' : 'glibc (Debian)',
    staleImage: isStale(image),
    regenerateCommand: regenerateCommand(options, input.planned),
    updateFlags: updateFlags(options),
    // A workspace package builds from the workspace root, with its Dockerfile named by -f.
    buildCommand: `${context === '.' ? '' : `cd ${context} && `}DOCKER_BUILDKIT=1 docker build${buildCommandFlags} ${dashF}-t ${serviceName} .`,
    buildFlags: dashF,
    composeContext: context,
    composeDockerfile: dockerfile === 'Dockerfile' ? false : dockerfile,
    ws: wsStages ? { note: wsStages.note ?? false } : (false as const),
    pruneDirs: wsStages && wsStages.pruneDirs.length > 0 ? wsStages.pruneDirs.join(' ') : false,
    workdir: wsStages ? `/app/${wsStages.dir}` : false,
    runCommand: `docker run ${runFlags.join(' ')} ${serviceName}`,
    envFile: options.envFile ?? false,
    alpine,
    native: options.native,
    tools,
    toolsStage: tools ? 'tools' : 'base',
    packageManagerInstall: install.packageManagerInstall ?? false,
    installCopies: installCopyArgs,
    turboPrune: wsStages?.turboPrune ? turboPruneLines(wsStages.turboPrune, npmrcMount) : false,
    installEnv: envLine(options.install.env),
    installMounts,
    productionInstall: wsStages ? (wsStages.productionInstall ?? false) : install.productionInstall,
    fullInstall: wsStages ? wsStages.fullInstall : install.fullInstall,
    registry: options.registry !== undefined,
    buildArgs,
    buildSecrets,
    composeBuildArgs: buildArgs.map((name) => ({ name, value: `\${${name}:?set ${name} for the build}` })),
    buildVariables: buildArgs.length + buildSecrets.length > 0,
    buildVariablesList: codeList([...buildArgs, ...buildSecrets]),
    buildArgsList: codeList(buildArgs),
    buildArgsMany: buildArgs.length > 1,
    buildSecretsList: codeList(buildSecrets),
    buildSecretsMany: buildSecrets.length > 1,
    buildSecretIds: [...(options.registry ? ['npmrc'] : []), ...buildSecrets],
    registryUrl: secret.registryUrl,
    registryHostPath: secret.registryHostPath,
    npmrcSecretLines: secret.lines,
    depsStage: recipe.depsStage,
    buildLines: recipe.buildLines,
    buildEnv: recipe.buildEnv || false,
    buildPackages: recipe.buildPackages,
    runtimeEnv: recipe.runtimeEnv,
    composeEnv: Object.entries({ NODE_ENV: 'production', ...recipe.plan.env }).map(([name, value]) => ({ name, value: /^[A-Za-z][\w./:@,+-]*$/.test(value) ? value : JSON.stringify(value) })),
    copies: recipe.copies,
    recipeLabel: recipe.plan.label,
    shutdownKind: recipe.plan.shutdown.kind,
    shutdownHow: shutdownHow(recipe.plan.shutdown) ?? false,
    preloadFile: recipe.plan.shutdown.kind === 'preload' ? PRELOAD_FILE : false,
    wiredModule: recipe.plan.shutdown.kind === 'wired',
    nextSteps: recipe.plan.nextSteps,
    writableDirs: writable.length > 0 ? writable.join(' ') : false,
    writableDirsList: writable.map((d) => `\`${d}\``).join(', '),
    volumes: volumes.length > 0 ? volumes : false,
    port: options.port ?? false,
    // A shell-less final stage cannot RUN the check; the build stage's check still runs there.
    startFileChecks: runtime.shell ? recipe.startFileChecks : { ...recipe.startFileChecks, runtime: [] },
    command: recipe.plan.command.join(' '),
    entry: planEntry(input.planned),
    sourceEntry: planSourceEntry(input.planned),
    serviceName,
    shutdownModulePath: input.shutdownModulePath ?? false,
    shutdownTimeoutSeconds: SHUTDOWN_TIMEOUT_SECONDS,
    stopGracePeriodSeconds: STOP_GRACE_PERIOD_SECONDS,
    dockerStopSeconds: DOCKER_STOP_SECONDS,
    wiring: input.wiring,
    codeLanguage: input.shutdown?.flavor === 'ts' ? 'ts' : 'js',
    warnings: install.warnings,
    ...runtimeStage,
  };
}

export type View = ReturnType<typeof buildView>;

/** `K=V K2=V2` for an ENV line (values were validated to plain words), or false when there is none. */
function envLine(env: Record<string, string>): string | false {
  const pairs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  return pairs.length > 0 ? pairs.join(' \\\n    ') : false;
}

/** A docker image / compose service name: lowercase letters, digits and single dashes. */
export function serviceNameFrom(projectName: string): string {
  const name = projectName
    .replace(/^@[^/]*\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return name === '' ? 'app' : name;
}

/** The registry flags `update` needs to resolve the same repository (Dockerfile header). */
function updateFlags(options: Options): string {
  const flags: string[] = [];
  if (options.image.registryMirror) flags.push(` --registry-mirror ${options.image.registryMirror}`);
  if (options.image.baseImage) flags.push(` --base-image ${options.image.baseImage}`);
  return flags.join('');
}

/** `A`, `A` and `B`, `A`, `B` and `C`: names as inline code in a sentence. */
function codeList(names: string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
