// NestJS apps built by the Nest CLI (`nest build`). Where the compiled entry lands is what the CLI
// really uses: nest-cli.json `sourceRoot` (default src), `entryFile` (default main) and
// `compilerOptions.tsConfigPath` (default tsconfig.build.json, else tsconfig.json), whose outDir and
// rootDir (explicit, or inferred by tsc's rules: typescript-output.ts) decide dist/main.js versus
// dist/src/main.js; the app's start:prod script is evidence too. The app owns its server (app.listen()), so
// the module is wired into the entry's source.
import path from 'node:path/posix';
import { readNestCli } from '../detect/nest-cli.js';
import { insideProject } from '../detect/paths.js';
import { compiledPath, typeScriptOutput } from '../detect/typescript-output.js';
import { UsageError } from '../errors.js';
import * as v from '../core/validate.js';
import type { Recipe, RecipePlan } from './types.js';

export const nestRecipe: Recipe = {
  id: 'nest',
  async detect({ pkg, fs }) {
    return pkg.dependencies['@nestjs/core'] !== undefined && ((await fs.exists('nest-cli.json')) || pkg.devDependencies['@nestjs/cli'] !== undefined);
  },
  async plan(ctx): Promise<RecipePlan> {
    const { monorepo, sourceRoot, entryFile, tsConfigPath } = await readNestCli(ctx.fs);
    if (monorepo) throw new UsageError('nest-cli.json describes a monorepo (projects): generate per app with --start "node dist/apps/<app>/main.js"');
    const output = await typeScriptOutput(ctx.fs, tsConfigPath, ctx.warnings);
    const outDir = v.projectPath(output?.outDir ?? 'dist', `${tsConfigPath} outDir`);
    const sourceMain = path.join(sourceRoot, `${entryFile}.ts`);
    const computed = output ? compiledPath({ outDir, rootDir: output.rootDir }, sourceMain) : path.join(outDir, `${entryFile}.js`);
    if (computed === undefined) throw new UsageError(`${tsConfigPath} rootDir "${output?.rootDir ?? '.'}" does not contain nest-cli.json sourceRoot "${sourceRoot}": pass --start "node <compiled main.js>"`);
    const script = productionScriptEvidence(ctx, outDir, computed);
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
      shutdown: { kind: 'wired', sourceEntry: sourceMain },
      dockerignore: [outDir],
      nextSteps: [],
      port: ctx.facts.port ?? 3000,
      ...(ctx.facts.healthcheckPath !== undefined ? { healthcheckPath: ctx.facts.healthcheckPath } : {}),
    };
  },
};

/**
 * The app's own production script (`start:prod: node dist/main`) is evidence. When it runs a file in
 * the build output that tsc's rules would not write, the script wins: its author runs it, and the
 * computation does not follow imports from outside `include`. The build stage fails naming the file
 * if the script is stale. The difference is said as a warning.
 */
function productionScriptEvidence(ctx: { pkg: { scripts: Record<string, string> }; warnings: string[] }, outDir: string, computed: string): string {
  const text = ctx.pkg.scripts['start:prod'];
  const named = text === undefined ? undefined : /^node\s+(?:--[\w-]+(?:=\S+)?\s+)*(\S+)\s*$/.exec(text.trim())?.[1];
  const file = named === undefined ? undefined : insideProject(named);
  if (file === undefined || !file.startsWith(`${outDir}/`)) return computed;
  const withJs = path.extname(file) === '' ? `${file}.js` : file;
  if (withJs === computed) return computed;
  ctx.warnings.push(`package.json scripts.start:prod runs ${file}, but by tsc's rules the build writes ${computed}: the container runs ${withJs}, as the script does (the build fails naming it if it is not produced; else pass --start "node ${computed}")`);
  return withJs;
}
