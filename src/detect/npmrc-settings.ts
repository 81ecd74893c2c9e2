// The non-secret .npmrc settings the install depends on (legacy-peer-deps, engine-strict,
// auto-install-peers, node-linker, ...). .npmrc itself never enters the build context (it may hold a
// token), so these settings reach the install stages as npm_config_* environment instead, which npm,
// pnpm and yarn 1 all read. Credentials, registries (they travel in the secret mount), paths and TLS
// switches are never carried. Values outside a narrow character set are left out with a warning, so a
// hostile .npmrc cannot put anything but a plain word into the Dockerfile.
import type { ProjectFs } from '../core/project-fs.js';
import { printable } from '../core/validate.js';
import { CREDENTIAL_KEY, npmrcEntries } from './npmrc.js';

/** Settings that must not reach an image build: registry routing (secret mount), TLS trust, paths, proxies, identity. */
const NOT_CARRIED = new Set([
  'registry', 'strict-ssl', 'ca', 'cafile', 'cert', 'key', 'proxy', 'https-proxy', 'http-proxy', 'noproxy',
  'prefix', 'cache', 'userconfig', 'globalconfig', 'tmp', 'store-dir', 'virtual-store-dir', 'global-dir',
  'modules-dir', 'email', 'username', 'always-auth', 'otp', 'script-shell', 'shell', 'node-options',
  'git', 'editor', 'viewer', 'browser', 'init-module',
]);
const KEY = /^[a-z][a-z0-9-]*$/;
const VALUE = /^[A-Za-z0-9._@^~*+,:=-]+$/;

/** `npm_config_<key>` variables for the install stages, from the project's .npmrc (npm, pnpm, yarn 1). */
export async function detectNpmrcSettings(fs: ProjectFs, warnings: string[]): Promise<Record<string, string>> {
  const text = await fs.read('.npmrc');
  if (text === undefined) return {};
  const env: Record<string, string> = {};
  for (const entry of npmrcEntries(text)) {
    const key = entry.key;
    const value = entry.value.replace(/^"(.*)"$/, '$1');
    if (CREDENTIAL_KEY.test(key) || key.startsWith('//') || key.startsWith('@') || NOT_CARRIED.has(key) || key.startsWith('init-')) continue;
    if (!KEY.test(key)) {
      warnings.push(`.npmrc setting "${printable(key)}" is not carried into the image build (only plain key=value settings are)`);
      continue;
    }
    if (value.includes('${') || !VALUE.test(value)) {
      warnings.push(`.npmrc ${key} is not carried into the image build: its value "${printable(value)}" is not a plain word (set it in the Dockerfile by hand if the install needs it)`);
      continue;
    }
    env[`npm_config_${key.replaceAll('-', '_')}`] = value;
  }
  return env;
}
