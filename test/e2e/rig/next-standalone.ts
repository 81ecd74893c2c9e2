import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * ONE Next.js fixture (test/fixtures/next-app) serves both Next modes: this switches
 * `output: "standalone"` on in a temp copy's next.config.ts, as a developer would. Throws when the
 * config no longer has the line it edits, so a changed fixture cannot silently test the other mode.
 */
export function switchNextToStandalone(dir: string): void {
  const file = path.join(dir, 'next.config.ts');
  const before = readFileSync(file, 'utf8');
  const opening = 'const nextConfig: NextConfig = {';
  if (!before.includes(opening) || /\boutput\s*:/.test(before)) throw new Error(`${file} is not the next-app fixture's config: cannot switch output to standalone`);
  writeFileSync(file, before.replace(opening, `${opening}\n  output: "standalone",`));
}
