// nest-cli.json as `nest build` reads it, read and validated in one place: detection (which tsconfig
// the build compiles with) and the Nest recipe (where the compiled main lands) both use it, so a
// hostile path is refused the same way whichever asks first (exit 2, naming the field).
import type { ProjectFs } from '../core/project-fs.js';
import * as v from '../core/validate.js';
import { UsageError } from '../errors.js';
import { parseJsonc } from './jsonc.js';
import { isRecord } from './package-json.js';

export interface NestCli {
  /** nest-cli.json describes a monorepo (`monorepo: true` or `projects`). */
  monorepo: boolean;
  /** `sourceRoot`, default src. */
  sourceRoot: string;
  /** `entryFile`, default main. */
  entryFile: string;
  /** `compilerOptions.tsConfigPath`, else tsconfig.build.json when it exists, else tsconfig.json. */
  tsConfigPath: string;
}

/** Whether a build script runs `nest build`. */
export function runsNestBuild(buildScript: string | undefined): boolean {
  return buildScript !== undefined && /(^|&&\s*|\s)nest\s+build\b/.test(buildScript);
}

export async function readNestCli(fs: ProjectFs): Promise<NestCli> {
  const cli = await readJsonObject(fs, 'nest-cli.json');
  const compiler = isRecord(cli?.compilerOptions) ? cli.compilerOptions : {};
  const given = stringField(compiler, 'tsConfigPath');
  return {
    monorepo: cli !== undefined && (cli.monorepo === true || isRecord(cli.projects)),
    sourceRoot: v.projectPath(stringField(cli, 'sourceRoot') ?? 'src', 'nest-cli.json sourceRoot'),
    entryFile: v.projectPath(stringField(cli, 'entryFile') ?? 'main', 'nest-cli.json entryFile'),
    tsConfigPath:
      given !== undefined ? v.projectPath(given, 'nest-cli.json compilerOptions.tsConfigPath') : (await fs.exists('tsconfig.build.json')) ? 'tsconfig.build.json' : 'tsconfig.json',
  };
}

async function readJsonObject(fs: ProjectFs, file: string): Promise<Record<string, unknown> | undefined> {
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
