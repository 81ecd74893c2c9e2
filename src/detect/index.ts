// detectProject: everything the generator can learn about a project by reading it, composed from one
// detector per concern. Pure over the injected ProjectFs: it reads, never writes, never prints.
import type { ProjectFs } from '../core/project-fs.js';
import { detectBuild } from './build.js';
import { cachedFs } from './cached-fs.js';
import { detectEntry } from './entry.js';
import { detectExisting } from './existing.js';
import type { ProjectFacts } from './facts.js';
import { detectFramework } from './framework.js';
import { detectHealthPath } from './health.js';
import { detectInstallInputs } from './install-inputs.js';
import { detectModuleSystem } from './module-system.js';
import { detectNative } from './native.js';
import { detectNodeRange } from './node-range.js';
import { detectRegistry } from './npmrc.js';
import { detectNpmrcSettings } from './npmrc-settings.js';
import { readPackageJson } from './package-json.js';
import { detectPackageManager } from './package-manager.js';
import { extensionOf } from './paths.js';
import { detectPort } from './port.js';
import { readEntrySources } from './source.js';
import { detectTypeScript } from './typescript.js';
import { detectYarnrcRegistry } from './yarnrc.js';
import { detectWorkspace } from './workspace.js';
import { ancestorFs } from './workspace-fs.js';

export type { ProjectFacts } from './facts.js';

export interface DetectOptions {
  /** How to name the project directory in messages (the `[dir]` argument as given); default ".". */
  dir?: string;
  /** The absolute path of [dir] in segments: given, the directories above it are searched for a workspace root. */
  dirSegments?: readonly string[];
}

const HONO_NODE_SERVER = /['"]@hono\/node-server['"]/;

export async function detectProject(projectFs: ProjectFs, options: DetectOptions = {}): Promise<ProjectFacts> {
  const dir = options.dir ?? '.';
  const fs = cachedFs(projectFs);
  const pkg = await readPackageJson(fs, dir);
  const warnings: string[] = [];

  // Inside a workspace, the root's lockfile and packageManager field decide how it installs.
  const workspace = options.dirSegments ? await detectWorkspace(fs, { dirSegments: options.dirSegments }) : undefined;
  const rootFs = workspace ? ancestorFs(fs, workspace.root.split('/').length) : fs;
  const rootPkg = workspace ? await readPackageJson(rootFs, workspace.root) : pkg;
  const pm = await detectPackageManager(rootFs, rootPkg);
  warnings.push(...pm.warnings);
  const ts = await detectTypeScript(fs, pkg, warnings);
  const build = detectBuild(pkg, ts, warnings);
  const { entry, sourceEntry } = await detectEntry(fs, pkg, ts, build, warnings);
  // The source is what exists before a build; the compiled entry may not be there yet.
  const sources = await readEntrySources(fs, sourceEntry ?? entry);

  const framework = detectFramework(pkg, sources.all);
  const native = await detectNative(fs, pkg, pm.fact, warnings);
  const node = await detectNodeRange(fs, pkg, warnings);
  // The install runs at the workspace root: its patches/, pnpm files, hook scripts and .npmrc settings apply.
  const inputs = await detectInstallInputs(rootFs, rootPkg, pm.fact, warnings);
  // yarn 2+ ignores .npmrc; npm, pnpm and yarn 1 read npm_config_* from the environment.
  const npmrcEnv = pm.fact.yarnBerry ? {} : await detectNpmrcSettings(rootFs, warnings);
  const facts: ProjectFacts = {
    packageManager: pm.fact,
    typescript: ts.typescript || /^\.[mc]?tsx?$/.test(extensionOf(sourceEntry ?? entry ?? '')),
    native: native.native,
    nativeReasons: native.reasons,
    framework,
    moduleSystem: detectModuleSystem(entry, pkg),
    existing: await detectExisting(fs),
    install: { inputs: inputs.inputs, env: { ...npmrcEnv, ...inputs.env } },
    warnings,
  };
  if (workspace) facts.workspace = workspace;
  if (pkg.name !== undefined) facts.name = pkg.name;
  if (entry !== undefined) facts.entry = entry;
  if (sourceEntry !== undefined) facts.sourceEntry = sourceEntry;
  const port = await detectPort(fs, [sources.entry, sources.all]);
  if (port !== undefined) facts.port = port;
  if (build !== undefined) facts.build = build;
  const registry = pm.fact.yarnBerry ? await detectYarnrcRegistry(rootFs, warnings) : await detectRegistry(rootFs, warnings);
  if (registry !== undefined) facts.registry = registry;
  if (node.nodeRange !== undefined) facts.nodeRange = node.nodeRange;
  if (node.nodeRangeSource !== undefined) facts.nodeRangeSource = node.nodeRangeSource;
  const healthcheckPath = detectHealthPath(sources.entry) ?? detectHealthPath(sources.all);
  if (healthcheckPath !== undefined) facts.healthcheckPath = healthcheckPath;
  // Hono's Node server starts with serve({ fetch }) from @hono/node-server: no listen() in the app's code.
  if (sources.entry !== '') facts.likelyWorker = framework === 'unknown' && !/\.listen\s*\(|\bcreateServer\s*\(/.test(sources.all) && !HONO_NODE_SERVER.test(sources.all);
  return facts;
}
