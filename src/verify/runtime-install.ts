// An app that installs packages when it starts: Next.js loading next.config.ts without typescript
// prints "Installing TypeScript as it was not found while loading "next.config.ts"" and runs
// `npm install typescript`. In the container that cannot work (read-only root, and --verify runs it
// with no network, where npm waits on its retries while the port is already open), so the log's
// install outranks what the port shows. Pure; tested on real logs (test/verify/logs).

/** Next.js: ` ⚠ Installing TypeScript as it was not found while loading "next.config.ts".` */
const INSTALL_FOR_CONFIG = /Installing (\S+) as it was not found while loading "([^"]+)"/;
/** Next.js's installer, and its older wording ("It looks like you're trying to use TypeScript ..."). */
const INSTALLING = /^Installing (?:dev)?[dD]ependencies \((npm|pnpm|yarn|bun)\):|It looks like you're trying to use TypeScript but do not have the required package\(s\) installed/m;
/** The packages it lists under "Installing devDependencies (npm):", e.g. `- typescript@5.8.2`. */
const LISTED = /^- ((?:@[^/\s]+\/)?[^@\s]+)@\S+$/gm;

export function runtimeInstallHint(log: string): string | undefined {
  const forConfig = INSTALL_FOR_CONFIG.exec(log);
  if (!forConfig && !INSTALLING.test(log)) return undefined;
  const packages = [...new Set([...log.matchAll(LISTED)].map((m) => m[1]!))];
  const what = forConfig ? forConfig[1]!.toLowerCase() : packages[0] ?? 'typescript';
  const names = packages.length > 0 ? packages.join(', ') : what;
  if (forConfig) {
    const config = forConfig[2]!;
    return `the app installs ${names} at start-up: it loads ${config}, and ${what} is a devDependency, not in the image; an install at start cannot work in the container (read-only root, no network). Ship the config as JavaScript (${config.replace(/\.[cm]?ts$/, '.mjs')}), or move ${what} from devDependencies to dependencies`;
  }
  return `the app installs ${names} at start-up (${what} is missing at run time: only "dependencies" are in the image); an install at start cannot work in the container (read-only root, no network): move ${names} from devDependencies to dependencies`;
}
