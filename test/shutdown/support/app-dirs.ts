// Builds, under the repository's gitignored .tmp/, a directory per module flavour holding the
// generated graceful-shutdown module and the test apps, ready to run with `node <app>.js`
// (express, fastify and koa resolve from the repository's node_modules):
//   ts:  graceful-shutdown.ts + the apps as TypeScript, compiled by the real `tsc` under strict
//        settings, so the module and the framework objects passed to it type-check;
//   esm: graceful-shutdown.js (ESM flavour) + the apps transpiled to ES modules;
//   cjs: graceful-shutdown.js (CommonJS flavour) + the apps transpiled to CommonJS.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { shutdownModuleSource } from '../../../src/shutdown/module.js';
import type { ShutdownFlavor } from '../../../src/shutdown/module.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const appsDir = fileURLToPath(new URL('../apps/', import.meta.url));
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
const MODULE = 'graceful-shutdown';

export const APPS = ['http', 'express', 'fastify', 'koa', 'promise-target'] as const;
export type AppName = (typeof APPS)[number];

/** Compiler options for the user-like TypeScript project: strict, as a careful team sets it. */
export const STRICT_TS_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitReturns: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  verbatimModuleSyntax: true,
  esModuleInterop: true,
  skipLibCheck: true,
  types: ['node'],
};

export interface FlavourDir {
  flavour: ShutdownFlavor;
  dir: string;
  /** Path of an app's runnable .js file. */
  script(app: AppName): string;
}

/** A fresh scratch directory under <repo>/.tmp, removed by the returned cleanup. */
export async function scratchDir(label: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = join(repo, '.tmp', `${label}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  await mkdir(dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs the repository's tsc on a project directory; rejects with tsc's output on errors. */
export async function runTsc(projectDir: string): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', projectDir]);
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc failed in ${projectDir}:\n${stdout}${stderr}`, { cause: error });
  }
}

export async function prepareFlavour(flavour: ShutdownFlavor, root: string): Promise<FlavourDir> {
  const dir = join(root, flavour);
  await mkdir(dir, { recursive: true });
  const appFiles = (await readdir(appsDir)).filter((name) => name.endsWith('.ts') && name !== `${MODULE}.ts`);
  const type = flavour === 'cjs' ? 'commonjs' : 'module';
  await writeFile(join(dir, 'package.json'), JSON.stringify({ private: true, type }));

  if (flavour === 'ts') {
    await writeFile(join(dir, `${MODULE}.ts`), shutdownModuleSource('ts'));
    await Promise.all(appFiles.map((name) => copyFile(join(appsDir, name), join(dir, name))));
    const tsconfig = { compilerOptions: { ...STRICT_TS_OPTIONS, outDir: 'out' }, include: ['*.ts'] };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    await runTsc(dir);
    return { flavour, dir, script: (app) => join(dir, 'out', `${app}.js`) };
  }

  await writeFile(join(dir, `${MODULE}.js`), shutdownModuleSource(flavour));
  const module = flavour === 'cjs' ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext;
  for (const name of appFiles) {
    const source = await readFile(join(appsDir, name), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: name,
    });
    await writeFile(join(dir, name.replace(/\.ts$/, '.js')), outputText);
  }
  return { flavour, dir, script: (app) => join(dir, `${app}.js`) };
}
