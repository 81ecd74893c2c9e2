// Registry settings of Yarn 2+ ("berry"), which ignores .npmrc and reads .yarnrc.yml instead:
// npmRegistryServer, npmScopes.<scope>.npmRegistryServer, and credentials (npmAuthToken,
// npmAuthIdent) at the top, per scope or per registry. Like the .npmrc reader, it reports that a
// credential exists and which ${VARIABLES} it references, never its value.
import type { ProjectFs } from '../core/project-fs.js';
import type { RegistryFact } from './facts.js';
import { PUBLIC_REGISTRIES, VALID_SCOPE } from './npmrc.js';

const CREDENTIAL_KEYS = new Set(['npmAuthToken', 'npmAuthIdent']);

interface Line {
  indent: number;
  key: string;
  value: string;
}

export async function detectYarnrcRegistry(fs: ProjectFs, warnings: string[]): Promise<RegistryFact | undefined> {
  const text = await fs.read('.yarnrc.yml');
  if (text === undefined) return undefined;
  const fact: RegistryFact = { scopes: [], hasToken: false, source: '.yarnrc.yml' };
  let literal = false;
  // The chain of mapping keys above the current line, by indentation ("npmScopes" > "acme").
  const parents: Line[] = [];
  for (const line of yamlLines(text)) {
    while (parents.length > 0 && (parents.at(-1)?.indent ?? 0) >= line.indent) parents.pop();
    const path = [...parents.map((p) => p.key), line.key];
    if (line.value === '') {
      parents.push(line);
      continue;
    }
    if (CREDENTIAL_KEYS.has(line.key)) {
      fact.hasToken = true;
      const names = [...line.value.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}/g)].map((m) => m[1] ?? '');
      if (names.length === 0) literal = true;
    } else if (line.key === 'npmRegistryServer' && path.length === 1) {
      if (!PUBLIC_REGISTRIES.has(withSlash(line.value))) fact.url = line.value;
    } else if (line.key === 'npmRegistryServer' && path.length === 3 && path[0] === 'npmScopes') {
      const scope = `@${(path[1] ?? '').replace(/^@/, '')}`;
      if (VALID_SCOPE.test(scope)) fact.scopes.push({ scope, url: line.value });
    }
  }
  if (literal) {
    warnings.push('.yarnrc.yml contains a literal npmAuthToken/npmAuthIdent: replace it with ${NPM_TOKEN} and keep the value out of git');
  }
  if (fact.url === undefined && fact.scopes.length === 0 && !fact.hasToken) return undefined;
  return fact;
}

/** `key: value` lines of a simple YAML mapping, comments and quotes removed. */
function yamlLines(text: string): Line[] {
  const out: Line[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const match = /^(\s*)(?:"([^"]+)"|'([^']+)'|([^\s:#][^:]*?))\s*:(?:\s+(.*))?$/.exec(raw.replace(/\s+#.*$/, ''));
    if (!match) continue;
    const value = (match[5] ?? '').trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
    out.push({ indent: match[1]?.length ?? 0, key: match[2] ?? match[3] ?? match[4] ?? '', value });
  }
  return out;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
