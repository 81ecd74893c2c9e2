// The Node version constraint handed to the image resolver, as a semver range: engines.node first
// (the range the app declares), else .nvmrc, else .node-version. nvm spellings are normalised:
// "v22" -> "22", "lts/jod" -> "22.x"; "lts/*" and "node" mean "no constraint" (the resolver's default).
import * as semver from '../core/semver.js';
import type { ProjectFs } from '../core/project-fs.js';
import { isNodeRange, printable } from '../core/validate.js';
import type { ProjectFacts } from './facts.js';
import type { PackageJson } from './package-json.js';

type Source = NonNullable<ProjectFacts['nodeRangeSource']>;

/** LTS code names and their major versions (nvm's `lts/<name>`). */
export const LTS_CODENAMES: Record<string, number> = {
  argon: 4, boron: 6, carbon: 8, dubnium: 10, erbium: 12, fermium: 14, gallium: 16, hydrogen: 18, iron: 20, jod: 22, krypton: 24,
};

/** nvm aliases that name no fixed version: the image resolver's own default (current LTS) applies. */
const FLOATING = new Set(['lts/*', 'lts', 'node', 'stable', 'current', 'latest']);

export interface NodeRangeResult {
  nodeRange?: string;
  nodeRangeSource?: Source;
}

export async function detectNodeRange(fs: ProjectFs, pkg: PackageJson, warnings: string[]): Promise<NodeRangeResult> {
  const sources: { source: Source; value: string | undefined }[] = [
    { source: 'engines.node', value: pkg.enginesNode },
    { source: '.nvmrc', value: firstLine(await fs.read('.nvmrc')) },
    { source: '.node-version', value: firstLine(await fs.read('.node-version')) },
  ];
  const found: { source: Source; range: string }[] = [];
  for (const { source, value } of sources) {
    if (value === undefined) continue;
    const range = normaliseNodeVersion(value, source, warnings);
    if (range !== undefined) found.push({ source, range });
  }
  const [chosen, ...others] = found;
  if (!chosen) return {};
  for (const other of others) {
    if (!semver.intersects(chosen.range, other.range)) {
      warnings.push(`${chosen.source} (${chosen.range}) and ${other.source} (${other.range}) disagree: using ${chosen.source}; pass --node to choose`);
    }
  }
  return { nodeRange: chosen.range, nodeRangeSource: chosen.source };
}

/** A version or range as written in engines/.nvmrc/.node-version, as a semver range (or undefined). */
export function normaliseNodeVersion(value: string, source: Source, warnings: string[]): string | undefined {
  const text = value.trim().toLowerCase();
  if (FLOATING.has(text)) return undefined;
  const lts = /^lts\/([a-z]+)$/.exec(text);
  if (lts?.[1]) {
    const major = LTS_CODENAMES[lts[1]];
    if (major === undefined) {
      warnings.push(`${source} names an LTS line this tool does not know ("${printable(value.trim())}"): pass --node <major>`);
      return undefined;
    }
    return `${major}.x`;
  }
  // "v22", "v22.11.0" -> without the v; also inside ranges (">=v20").
  const range = text.replace(/(^|[\s=<>^~|])v(?=\d)/g, '$1').replace(/\s+/g, ' ');
  if (isNodeRange(range)) return range;
  warnings.push(`ignoring ${source} "${printable(value.trim())}": not a Node version or semver range; pass --node`);
  return undefined;
}

function firstLine(text: string | undefined): string | undefined {
  const line = text?.split(/\r?\n/).map((l) => l.replace(/#.*$/, '').trim()).find((l) => l !== '');
  return line === undefined || line === '' ? undefined : line;
}
