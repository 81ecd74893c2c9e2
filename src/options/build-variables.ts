// --build-arg NAME and --build-secret NAME: the variables the app's build step reads. A build arg is
// an `ARG NAME` line in the build stage (its value stays readable in `docker history`, so a name that
// looks like a secret is refused); a build secret is a BuildKit secret mount on the build steps only,
// read into the variable for that one command and never written to a layer. Values never pass
// through the tool: the user's build (or --verify) supplies them from its own environment.
import { UsageError } from '../errors.js';
import { looksLikeSecretName } from '../core/secret-name.js';
import { printable } from '../core/validate.js';

export interface BuildVariables {
  /** ARG lines in the build stage: public settings such as NEXT_PUBLIC_API_URL. */
  args: string[];
  /** Secret mounts (id = the name) on the build steps, exported as the same-named variable. */
  secrets: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names the build stage already sets, or that change how the tools in it run. */
const RESERVED = new Set(['NODE_ENV', 'PATH', 'HOME', 'NODE_OPTIONS', 'NPM_CONFIG_USERCONFIG', 'HOSTNAME', 'PORT']);

export function variableName(value: string, flag: string): string {
  const name = value.trim();
  if (!NAME.test(name)) throw new UsageError(`${flag} takes a variable name (letters, digits and _, not starting with a digit), got "${printable(value)}"`);
  if (RESERVED.has(name.toUpperCase())) throw new UsageError(`${flag} ${name}: the build stage sets ${name} itself; pick another name`);
  return name;
}

export function buildVariables(given: { buildArgs?: string[]; buildSecrets?: string[] }, hasBuildStep: boolean): BuildVariables {
  const args = unique((given.buildArgs ?? []).map((n) => variableName(n, '--build-arg')));
  const secrets = unique((given.buildSecrets ?? []).map((n) => variableName(n, '--build-secret')));
  const secretArg = args.find(looksLikeSecretName);
  if (secretArg !== undefined) {
    throw new UsageError(`--build-arg ${secretArg} looks like a secret, and a build arg stays readable in docker history: pass --build-secret ${secretArg} (or, for a public value, a name without TOKEN/KEY/SECRET/PASSWORD/AUTH)`);
  }
  const both = args.find((n) => secrets.includes(n));
  if (both !== undefined) throw new UsageError(`${both} is given as --build-arg and --build-secret: pick one (--build-secret if it is a secret)`);
  if (!hasBuildStep && args.length + secrets.length > 0) {
    const flag = args.length > 0 ? '--build-arg' : '--build-secret';
    throw new UsageError(`${flag} names a variable for the build step, but this setup has no build step (no "build" script, or --no-build)`);
  }
  return { args, secrets };
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
