// NestJS apps built by the Nest CLI (`nest build`). Where the compiled entry lands is what the CLI
// really uses: nest-cli.json `sourceRoot` (default src), `entryFile` (default main) and
// `compilerOptions.tsConfigPath` (default tsconfig.build.json, else tsconfig.json), whose outDir and
// rootDir decide dist/main.js versus dist/src/main.js. The app owns its server (app.listen()), so
// the module is wired into the entry's source.
import path from 'node:path/posix';
import { parseJsonc } from '../detect/jsonc.js';
import { isRecord } from '../detect/package-json.js';
import { UsageError } from '../errors.js';
import * as v from '../options/validate.js';
import type { ProjectFs } from '../write/project-fs.js';
import type { Recipe, RecipePlan } from './types.js';

export const nestRecipe: Recipe = {
  id: 'nest',
  async detect({ pkg, fs }) {
    return pkg.dependencies['@nestjs/core'] !== undefined && ((await fs.exists('nest-cli.json')) || pkg.devDependencies['@nestjs/cli'] !== undefined);
  },
  async plan(ctx): Promise<RecipePlan> {
    const cli = await readJson(ctx.fs, 'nest-cli.json');
    if (cli !== undefined && (cli.monorepo === true || isRecord(cli.projects))) {
      throw new UsageError('nest-cli.json describes a monorepo (projects): generate per app with --start "node dist/apps/<app>/main.js"');
    }
    const sourceRoot = v.projectPath(stringField(cli, 'sourceRoot') ?? 'src', 'nest-cli.json sourceRoot');
    const entryFile = v.projectPath(stringField(cli, 'entryFile') ?? 'main', 'nest-cli.json entryFile');
    const compiler = isRecord(cli?.compilerOptions) ? cli.compilerOptions : {};
    const tsConfigPath = typeof compiler.tsConfigPath === 'string' ? v.projectPath(compiler.tsConfigPath, 'nest-cli.json compilerOptions.tsConfigPath') : (await ctx.fs.exists('tsconfig.build.json')) ? 'tsconfig.build.json' : 'tsconfig.json';
    const ts = await compilerOptionsOf(ctx.fs, tsConfigPath);
    const outDir = v.projectPath(ts.outDir ?? 'dist', `${tsConfigPath} outDir`);
    // tsc keeps the path below rootDir; without rootDir, the common root of the inputs (the sourceRoot when only it is included).
    const rootDir = ts.rootDir !== undefined ? path.normalize(ts.rootDir) : ts.include?.length === 1 && path.normalize(ts.include[0]!) === sourceRoot ? sourceRoot : '.';
    const below = path.relative(rootDir, sourceRoot);
    if (below.startsWith('..')) throw new UsageError(`${tsConfigPath} rootDir "${rootDir}" does not contain nest-cli.json sourceRoot "${sourceRoot}": pass --start "node <compiled main.js>"`);
    const script = path.join(outDir, below, `${entryFile}.js`);
    const buildScript = ctx.pkg.scripts.build;
    if (buildScript === undefined) throw new UsageError('package.json has no "build" script (Nest builds with "nest build"): add "build": "nest build"');
    if (ctx.start) ctx.warnings.push(...ctx.start.warnings);
    return {
      id: 'nest',
      label: 'NestJS (nest build)',
      buildSteps: ['npm run build'],
      installInputs: [],
      runtimeCopies: [
        { from: 'deps', src: 'node_modules' },
        { from: 'context', src: 'package.json' },
        { from: 'build', src: outDir },
      ],
      productionDependencies: true,
      command: ctx.start?.argv ?? ['node', script],
      commandScript: ctx.start ? ctx.start.script : script,
      env: ctx.start?.env ?? {},
      buildEnv: {},
      writablePaths: [],
      systemPackages: { build: [], runtime: [] },
      shutdown: { kind: 'wired', sourceEntry: path.join(sourceRoot, `${entryFile}.ts`) },
      dockerignore: [outDir],
      nextSteps: [],
      port: ctx.facts.port ?? 3000,
      ...(ctx.facts.healthcheckPath !== undefined ? { healthcheckPath: ctx.facts.healthcheckPath } : {}),
    };
  },
};

interface CompilerOptions {
  outDir?: string;
  rootDir?: string;
  include?: string[];
}

/** outDir/rootDir/include of a tsconfig, following `extends` to local files (paths relative to each file). */
async function compilerOptionsOf(fs: ProjectFs, file: string, depth = 0): Promise<CompilerOptions> {
  const json = await readJson(fs, file);
  if (json === undefined) return {};
  const dir = path.dirname(file);
  const parent = typeof json.extends === 'string' && json.extends.startsWith('.') && depth < 5 ? await compilerOptionsOf(fs, path.join(dir, json.extends.endsWith('.json') ? json.extends : `${json.extends}.json`), depth + 1) : {};
  const own = isRecord(json.compilerOptions) ? json.compilerOptions : {};
  const rel = (p: unknown) => (typeof p === 'string' ? path.normalize(path.join(dir, p)) : undefined);
  const include = Array.isArray(json.include) ? json.include.filter((p): p is string => typeof p === 'string').map((p) => path.normalize(path.join(dir, p))) : undefined;
  return {
    outDir: rel(own.outDir) ?? parent.outDir,
    rootDir: rel(own.rootDir) ?? parent.rootDir,
    include: include ?? parent.include,
  };
}

async function readJson(fs: ProjectFs, file: string): Promise<Record<string, unknown> | undefined> {
  const text = await fs.read(file);
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = parseJsonc(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(raw)) throw new UsageError(`${file} must contain a JSON object`);
  return raw;
}

function stringField(json: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = json?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
