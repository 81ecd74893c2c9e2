// The `npmrc` BuildKit secret a private-registry install needs: its registry lines and the line
// that scopes the token to the registry. Declared once: the README's CI snippet prints it and
// --verify writes it from NPM_TOKEN.
import type { PrivateRegistry } from '../options/options.js';

export const PUBLIC_NPM_REGISTRY = 'https://registry.npmjs.org/';

export interface NpmrcSecretShape {
  registryUrl: string;
  /** `//host/path/` : how npm scopes a token to one registry. */
  registryHostPath: string;
  /** The registry lines before the token line. */
  lines: string[];
}

export function npmrcSecretShape(registry: PrivateRegistry | undefined): NpmrcSecretShape {
  const registryUrl = registry?.url ?? registry?.scopes[0]?.url ?? PUBLIC_NPM_REGISTRY;
  return {
    registryUrl,
    registryHostPath: registryUrl.replace(/^https?:\/\//, '').replace(/\/?$/, '/'),
    lines: [...(registry?.url ? [`registry=${registry.url}`] : []), ...(registry?.scopes ?? []).map((s) => `${s.scope}:registry=${s.url}`)],
  };
}

/** The whole secret file, as the README's CI snippet writes it. */
export function npmrcSecretText(registry: PrivateRegistry | undefined, token: string): string {
  const shape = npmrcSecretShape(registry);
  return [...shape.lines, `//${shape.registryHostPath}:_authToken=${token}`].map((l) => `${l}\n`).join('');
}
