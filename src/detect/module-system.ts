// The module system of the runtime entry: .mjs/.cjs (and .mts/.cts) decide by themselves, otherwise
// package.json "type". It selects the flavour of the generated graceful-shutdown module.
import type { ModuleSystem } from './facts.js';
import type { PackageJson } from './package-json.js';
import { extensionOf } from './paths.js';

export function detectModuleSystem(entry: string | undefined, pkg: PackageJson): ModuleSystem {
  const ext = entry === undefined ? '' : extensionOf(entry);
  if (ext === '.mjs' || ext === '.mts') return 'module';
  if (ext === '.cjs' || ext === '.cts') return 'commonjs';
  return pkg.type === 'module' ? 'module' : 'commonjs';
}
