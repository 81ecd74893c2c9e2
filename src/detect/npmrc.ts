// Private registry settings from .npmrc: the default `registry=`, `@scope:registry=` lines, and
// whether credentials are present. Credential values are never copied out of this file: only the
// fact that one exists and, for `${VAR}` references, the variable's name.
import type { ProjectFs } from '../core/project-fs.js';
import { printable } from '../core/validate.js';
import type { RegistryFact } from './facts.js';

export const PUBLIC_REGISTRIES = new Set(['https://registry.npmjs.org/', 'https://registry.npmjs.org', 'https://registry.yarnpkg.com/']);
/** npm's rule for scope names (lowercase, URL-safe). */
export const VALID_SCOPE = /^@[a-z0-9][a-z0-9._-]*$/;
/** Keys that carry credentials, bare or per registry ("//host/:_authToken"). */
export const CREDENTIAL_KEY = /(?:^|:)(?:_authToken|_auth|_password|password|certfile|keyfile)$/;

/** The `key=value` lines of an .npmrc (comments and blank lines skipped), trimmed. */
export function* npmrcEntries(text: string): Generator<{ key: string; value: string }> {
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    yield { key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim() };
  }
}

export async function detectRegistry(fs: ProjectFs, warnings: string[]): Promise<RegistryFact | undefined> {
  const text = await fs.read('.npmrc');
  if (text === undefined) return undefined;
  const fact: RegistryFact = { scopes: [], hasToken: false, source: '.npmrc' };
  let literalToken = false;
  for (const { key, value } of npmrcEntries(text)) {
    if (CREDENTIAL_KEY.test(key)) {
      fact.hasToken = true;
      const references = [...value.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1] ?? '');
      if (references.length === 0) literalToken = true;
      continue;
    }
    if (key === 'registry') {
      if (!PUBLIC_REGISTRIES.has(value)) fact.url = value;
      continue;
    }
    const scope = /^(@[^:]*):registry$/.exec(key);
    if (scope?.[1] && VALID_SCOPE.test(scope[1])) fact.scopes.push({ scope: scope[1], url: value });
    else if (scope?.[1]) warnings.push(`ignoring the .npmrc line for scope "${printable(scope[1])}": npm scope names are lowercase letters, digits and . _ -`);
  }
  if (literalToken) {
    warnings.push('.npmrc contains a literal credential: replace it with ${NPM_TOKEN} and keep the file out of git; it is passed to the build only as a secret');
  }
  if (fact.url === undefined && fact.scopes.length === 0 && !fact.hasToken) return undefined;
  return fact;
}
