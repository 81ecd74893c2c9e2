// Frameworks with file-based routing declare a route by a file, not a string in the entry source: a
// health route is `app/health/route.ts` in Next.js, `server/routes/health.ts` in Nuxt, and so on.
import type { ProjectFs } from '../core/project-fs.js';

const HEALTH_NAMES = ['health', 'healthz', 'api/health', 'api/healthz'];

/**
 * The first health path whose route file exists. `files(name)` lists the files that would declare
 * `/<name>` in the framework's convention.
 */
export async function healthRouteFromFiles(fs: ProjectFs, files: (name: string) => string[]): Promise<string | undefined> {
  for (const name of HEALTH_NAMES) {
    for (const file of files(name)) {
      if (await fs.exists(file)) return `/${name}`;
    }
  }
  return undefined;
}

/** `<dir>/<name>.<ext>` for each extension: the usual shape of a route file. */
export function routeFiles(dir: string, name: string, exts: readonly string[] = ['ts', 'js', 'mjs', 'mts']): string[] {
  return exts.map((ext) => `${dir}/${name}.${ext}`);
}
