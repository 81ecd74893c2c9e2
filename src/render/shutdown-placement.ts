// Where the graceful-shutdown module goes and how the entry imports it: next to the entry's source,
// in the same language and module system.
import path from 'node:path/posix';
import type { ModuleSystem } from '../detect/facts.js';
import type { ShutdownFlavor } from '../shutdown/module.js';

export interface ShutdownPlacement {
  flavor: ShutdownFlavor;
  /** Project-relative path of the module file. */
  path: string;
  /** What the entry writes in its import/require. */
  importSpecifier: string;
}

export function shutdownPlacement(sourceEntry: string, moduleSystem: ModuleSystem): ShutdownPlacement {
  const ext = path.extname(sourceEntry);
  const dir = path.dirname(sourceEntry);
  const at = (file: string) => (dir === '.' ? file : `${dir}/${file}`);
  switch (ext) {
    case '.ts':
    case '.mts':
    case '.cts': {
      // TypeScript imports name the compiled file: ./x.js for .ts, ./x.mjs for .mts, ./x.cjs for .cts.
      const runtimeExt = { '.ts': '.js', '.mts': '.mjs', '.cts': '.cjs' }[ext];
      return { flavor: 'ts', path: at(`graceful-shutdown${ext}`), importSpecifier: `./graceful-shutdown${runtimeExt}` };
    }
    case '.mjs':
      return { flavor: 'esm', path: at('graceful-shutdown.mjs'), importSpecifier: './graceful-shutdown.mjs' };
    case '.cjs':
      return { flavor: 'cjs', path: at('graceful-shutdown.cjs'), importSpecifier: './graceful-shutdown.cjs' };
    default:
      return {
        flavor: moduleSystem === 'module' ? 'esm' : 'cjs',
        path: at('graceful-shutdown.js'),
        importSpecifier: './graceful-shutdown.js',
      };
  }
}
