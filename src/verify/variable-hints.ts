// The hints for a variable the app or its build needs and does not get. At run time the fix is
// --run-env-file (compose.yaml reads the same file); at build time it is the app's (README.Docker.md,
// "Variables at build time"): a secret is never a build argument.
import { missingVariable } from './missing-variable.js';

export function runVariableHint(ctx: { log: string; envFile?: { path: string; names: string[] }; envTemplate?: string }): string | undefined {
  const missing = missingVariable(ctx.log);
  if (!missing) return undefined;
  const name = missing.name;
  if (ctx.envFile && name !== undefined && !ctx.envFile.names.includes(name)) {
    return `the app stops because ${name} is not set, and ${ctx.envFile.path} has no ${name}= line: add it there (the same file is compose.yaml's env_file)`;
  }
  if (ctx.envFile && name !== undefined) {
    return `the app stops saying ${name} is not set, though ${ctx.envFile.path} sets it: is its value empty or in the wrong form?`;
  }
  const what = name ?? 'a variable it needs';
  const file = ctx.envTemplate ? `copy ${ctx.envTemplate} to .env and fill it in` : `write ${name ?? 'NAME'}=<value> into .env`;
  return `the app stops because ${what} is not set: ${file}, then pass --run-env-file .env (run-time only, never in the image; compose.yaml reads it as env_file)`;
}

export function buildVariableHint(buildOutput: string): string | undefined {
  const missing = missingVariable(buildOutput);
  if (!missing) return undefined;
  const name = missing.name ?? 'a variable';
  return `the build stops because ${name} is not set: the app reads it while building (e.g. a Next.js route module at "Collecting page data"). A secret must not be a build argument (it stays in the image history): read it at run time instead (inside the request handler; in Next.js after await connection()) and pass it with --run-env-file; a public setting may be an ARG in the build stage (README.Docker.md, "Variables at build time")`;
}
