// The TypeScript layout of a project: whether it uses TypeScript and where tsc reads (rootDir) and
// writes (outDir), following relative `extends` so a shared base config is honoured.
import path from 'node:path';
import type { ProjectFs } from '../write/project-fs.js';
import { printable } from '../options/validate.js';
import { parseJsonc } from './jsonc.js';
import { isRecord, type PackageJson } from './package-json.js';
import { insideProject } from './paths.js';

export interface TypeScriptLayout {
  typescript: boolean;
  /** compilerOptions.outDir relative to the project root ("dist"), when set. */
  outDir?: string;
  /** The config file that set outDir (tsconfig.json or a file it extends), for messages. */
  outDirFrom?: string;
  /** compilerOptions.rootDir relative to the project root ("src"), when set. */
  rootDir?: string;
}

const MAX_EXTENDS = 5;

export async function detectTypeScript(fs: ProjectFs, pkg: PackageJson, warnings: string[]): Promise<TypeScriptLayout> {
  const hasConfig = await fs.exists('tsconfig.json');
  const hasDependency = 'typescript' in pkg.devDependencies || 'typescript' in pkg.dependencies;
  const layout: TypeScriptLayout = { typescript: hasConfig || hasDependency };
  if (!hasConfig) return layout;

  let file: string | undefined = 'tsconfig.json';
  for (let depth = 0; file !== undefined && depth < MAX_EXTENDS; depth++) {
    const config = await readConfig(fs, file, warnings);
    if (!config) break;
    const base = path.posix.dirname(file);
    const options = isRecord(config.compilerOptions) ? config.compilerOptions : {};
    // The nearest config wins; options in an extended file are relative to that file.
    if (layout.outDir === undefined && typeof options.outDir === 'string') {
      layout.outDir = insideProject(path.posix.join(base, options.outDir));
      layout.outDirFrom = file;
    }
    if (layout.rootDir === undefined && typeof options.rootDir === 'string') {
      layout.rootDir = insideProject(path.posix.join(base, options.rootDir)) ?? '.';
    }
    file = typeof config.extends === 'string' && config.extends.startsWith('.') ? resolveExtends(base, config.extends) : undefined;
  }
  return layout;
}

async function readConfig(fs: ProjectFs, file: string, warnings: string[]): Promise<Record<string, unknown> | undefined> {
  const text = await fs.read(file);
  if (text === undefined) return undefined;
  try {
    const parsed = parseJsonc(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch (error) {
    const reason = printable(error instanceof Error ? error.message : String(error));
    warnings.push(`could not read ${file} (${reason}): pass --entry if the build output is not dist/`);
    return undefined;
  }
}

function resolveExtends(base: string, target: string): string | undefined {
  const joined = insideProject(path.posix.join(base, target));
  if (joined === undefined) return undefined;
  return joined.endsWith('.json') ? joined : `${joined}.json`;
}
