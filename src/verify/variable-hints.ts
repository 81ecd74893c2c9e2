// The hints for a variable the app or its build needs and does not get. At run time the fix is
// --run-env-file (compose.yaml reads the same file); at build time, reading it at run time instead,
// else --build-secret (a secret) or --build-arg (a public value) (README.Docker.md, "Variables at
// build time"): a secret is never a build argument.
import { missingVariable } from './missing-variable.js';
import { looksLikeSecretName } from '../core/secret-name.js';

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
  const name = missing.name ?? 'NAME';
  const what = missing.name ?? 'a variable';
  // A name that looks like a secret gets only the secret mount: a build arg stays in docker history.
  const flags = missing.name !== undefined && looksLikeSecretName(missing.name)
    ? `--build-secret ${name} (a BuildKit secret for the build step only, never in a layer or the history)`
    : `--build-secret ${name} if it is a secret (mounted for the build step only, never stored), or --build-arg ${name} if it is a public setting (it stays in docker history)`;
  return `the build stops because ${what} is not set: the app reads it while building (e.g. a Next.js route module at "Collecting page data"). Best, read it at run time instead (inside the request handler; in Next.js after await connection()) and pass it with --run-env-file; if the build needs it, regenerate with ${flags} and run --verify with ${name} set in the environment (README.Docker.md, "Variables at build time")`;
}
