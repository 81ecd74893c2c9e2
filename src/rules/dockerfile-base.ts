// Rules about each external base image: tagged, not `latest`, pinned by exact tag and index
// digest, and (for node images) on a Node.js line that is LTS and not past its end of life.
import type { Hit } from './catalog.js';
import { lineOf, parseImageRef, type DockerfileModel } from './dockerfile-model.js';
import type { DockerfileContext } from './dockerfile-helpers.js';
import { nodeLineStatus } from '../core/node-schedule.js';
import { distrolessNodeMajor, isVersionlessRegistryTag } from './shell-less.js';

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const EXACT_TAG = /^v?\d+\.\d+\.\d+/;

export function baseImageRules({ dockerfile, stages }: DockerfileModel, context: DockerfileContext): Hit[] {
  const initialArgs = new Map(dockerfile.getInitialARGs().flatMap((arg) => arg.getProperties().map((p) => [p.getName(), p.getValue() ?? ''] as const)));
  return stages.flatMap((stage): Hit[] => {
    const raw = stage.from.getImage() ?? '';
    if (stage.parent !== null || raw.toLowerCase() === 'scratch') return [];
    const image = raw.replace(/\$\{?(\w+)\}?/g, (_, name: string) => initialArgs.get(name) ?? '');
    const line = lineOf(stage.from);
    if (image.includes('$') || /^[:@]|^$/.test(image)) return [{ rule: 'pinned-from', line, message: `FROM ${raw} is built from an ARG without a default, so its pin cannot be verified` }];
    const { name, tag, digest } = parseImageRef(image);
    const hits: Hit[] = [];
    if (tag === null && digest === null) hits.push({ rule: 'from-untagged', line, message: `FROM ${raw} has no tag, so it means whatever "latest" is today` });
    else if (tag === 'latest') hits.push({ rule: 'from-latest', line, message: `FROM ${raw} uses the "latest" tag` });
    else if (digest === null || !DIGEST.test(digest)) hits.push({ rule: 'pinned-from', line, message: `FROM ${raw} is not pinned by digest (name:tag@sha256:<64 hex>)` });
    else if (tag === null) hits.push({ rule: 'pinned-from', line, message: `FROM ${raw} has a digest but no readable tag` });
    else if (!EXACT_TAG.test(tag) && !isVersionlessRegistryTag(name, tag)) hits.push({ rule: 'pinned-from', line, message: `FROM ${raw}: tag "${tag}" is not an exact version` });
    hits.push(...nodeLine(name, tag, raw, line, context.now));
    return hits;
  });
}

function nodeLine(name: string, tag: string | null, raw: string, line: number, now: Date): Hit[] {
  const distroless = distrolessNodeMajor(name);
  if ((name.split('/').at(-1) !== 'node' && distroless === undefined) || tag === null) return [];
  const major = distroless !== undefined ? String(distroless) : /^v?(\d+)(?:[.-]|$)/.exec(tag)?.[1];
  if (major === undefined) return [];
  const { status, eol } = nodeLineStatus(Number(major), now);
  if (status === 'eol') return [{ rule: 'node-eol', line, message: `FROM ${raw}: Node.js ${major} reached its end of life${eol ? ` on ${eol}` : ''}; it gets no security fixes` }];
  if (status === 'not-lts') return [{ rule: 'node-not-lts', line, message: `FROM ${raw}: Node.js ${major} is not an LTS line` }];
  return [];
}
