// The web framework, which decides how the graceful-shutdown module is wired (a listen() server,
// or a Fastify instance). Dependencies name the candidates; the entry's imports break ties.
import type { Framework } from './facts.js';
import { allDependencyNames, type PackageJson } from './package-json.js';

/** Package names per framework, in order of preference when several are installed. */
const FRAMEWORK_PACKAGES: { framework: Framework; packages: string[] }[] = [
  { framework: 'nest', packages: ['@nestjs/core'] },
  { framework: 'fastify', packages: ['fastify'] },
  { framework: 'koa', packages: ['koa'] },
  { framework: 'hapi', packages: ['@hapi/hapi', 'hapi'] },
  { framework: 'express', packages: ['express'] },
];

const NODE_HTTP_IMPORT = /(?:require\(\s*|from\s+|import\(\s*)['"](?:node:)?https?['"]/;

export function detectFramework(pkg: PackageJson, source: string): Framework {
  const installed = new Set(allDependencyNames(pkg));
  const candidates = FRAMEWORK_PACKAGES.filter((f) => f.packages.some((p) => installed.has(p)));
  // Nest runs on express or fastify underneath: it always wins.
  if (candidates[0]?.framework === 'nest') return 'nest';
  const imported = candidates.find((f) => f.packages.some((p) => imports(source, p)));
  if (imported) return imported.framework;
  if (candidates[0]) return candidates[0].framework;
  if (NODE_HTTP_IMPORT.test(source) && /\bcreateServer\s*\(/.test(source)) return 'http';
  return 'unknown';
}

function imports(source: string, name: string): boolean {
  const quoted = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(String.raw`(?:require\(\s*|from\s+|import\(\s*)['"]${quoted}['"]`).test(source);
}
