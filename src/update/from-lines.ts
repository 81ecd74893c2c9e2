// The FROM lines of a Dockerfile as `update` sees them: where the image reference sits in the text
// (offsets, so an edit replaces exactly those characters) and what kind of reference it is.
import { lineOf, modelDockerfile, parseImageRef } from '../rules/dockerfile-model.js';
import type { BaseFlavor } from '../image/types.js';
import { dhiNodeTag, distrolessNodeMajor, isDhiNode } from '../rules/shell-less.js';

export interface FromLine {
  line: number;
  /** The image reference as written. */
  image: string;
  /** Character offsets of the reference in the text. */
  start: number;
  end: number;
  /** An earlier stage (FROM build) rather than an image. */
  stage: boolean;
}

export function fromLines(text: string): FromLine[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  return modelDockerfile(text).stages.flatMap((stage) => {
    const range = stage.from.getImageRange();
    if (!range) return [];
    const start = offset(range.start);
    const end = offset(range.end);
    return [{ line: lineOf(stage.from), image: text.slice(start, end), start, end, stage: stage.parent !== null }];
  });
}

/** What a node image tag says: the Node line (if any) and the flavour (alpine, slim). */
export interface NodeTag {
  major?: number;
  version?: string;
  flavor: BaseFlavor;
}

const REPOS_OF_DOCKER_HUB_NODE = new Set(['node', 'library/node', 'docker.io/node', 'docker.io/library/node', 'index.docker.io/library/node', 'registry-1.docker.io/library/node']);

export type Classified =
  | { kind: 'node'; name: string; tag: string | null; digest: string | null; parsed: NodeTag | undefined; reason?: string }
  | { kind: 'distroless'; name: string; major: number; digest: string | null }
  | { kind: 'dhi'; name: string; major: number; version: string; dev: boolean; digest: string | null }
  | { kind: 'skip'; reason: string }
  | { kind: 'stage' };

/** `repository`: the --base-image repository when given; node images elsewhere are not ours to move. */
export function classifyFrom(from: FromLine, repository: string | undefined): Classified {
  if (from.stage || from.image.toLowerCase() === 'scratch') return { kind: 'stage' };
  if (from.image.includes('$')) return { kind: 'skip', reason: 'built from an ARG: update the ARG default by hand, or write the image on the FROM line' };
  const { name, tag, digest } = parseImageRef(from.image);
  const distrolessMajor = distrolessNodeMajor(name);
  if (distrolessMajor !== undefined) return { kind: 'distroless', name, major: distrolessMajor, digest };
  if (isDhiNode(name)) {
    const dhi = tag === null ? undefined : dhiNodeTag(tag);
    if (!dhi) return { kind: 'skip', reason: `tag ${tag ?? '(none)'}: only the <x.y.z>-alpine[3.N][-dev] tags of a Docker Hardened node image can be resolved` };
    return { kind: 'dhi', name, ...dhi, digest };
  }
  const ours = repository ? name === repository : REPOS_OF_DOCKER_HUB_NODE.has(name.toLowerCase());
  if (!ours) {
    return { kind: 'skip', reason: repository ? `not ${repository} (the --base-image repository)` : `not a node image (pass --base-image ${name} if it hosts node images)` };
  }
  if (tag === null) return { kind: 'node', name, tag, digest, parsed: undefined, reason: 'no tag, so no Node line to stay on: pass --to lts' };
  const parsed = parseNodeTag(tag);
  if (typeof parsed === 'string') return { kind: 'skip', reason: parsed };
  return { kind: 'node', name, tag, digest, parsed, reason: parsed.major === undefined ? `tag ${tag} names no Node line to stay on: pass --to lts` : undefined };
}

/** "26.5.0-alpine3.24", "22-alpine", "24-bookworm-slim", "lts-alpine", "alpine"; a string is why not. */
export function parseNodeTag(tag: string): NodeTag | string {
  const match = /^(?:v?(\d+)(?:\.(\d+))?(?:\.(\d+))?|lts|latest|current)?(?:-?(.*))?$/.exec(tag);
  const variant = match?.[4] ?? '';
  const flavor: BaseFlavor | undefined = /^alpine(\d+\.\d+)?$/.test(variant) ? 'alpine' : /^((bookworm|trixie|bullseye|forky)-)?slim$/.test(variant) ? 'slim' : undefined;
  if (!match || flavor === undefined) return `tag ${tag}: only the alpine and slim variants of the node image can be resolved`;
  const major = match[1] === undefined ? undefined : Number(match[1]);
  const version = match[3] !== undefined ? `${match[1]}.${match[2]}.${match[3]}` : undefined;
  return { major, version, flavor };
}
