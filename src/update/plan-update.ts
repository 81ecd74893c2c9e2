// `update` as a transform: the current Dockerfile text in, the new text out, touching only the
// node image references on FROM lines (and the generated header's "resolved from ... at ..."
// comment). Resolution is injected (the generator's resolveNodeImage, with its registry flags,
// credentials, cache and time budget), so this file is pure apart from that call.
import type { ImageRequest, ImageResolution, ResolvedImage } from '../image/types.js';
import { dhiPin } from './dhi-pin.js';
import { distrolessPin } from './distroless-pin.js';
import { classifyFrom, fromLines } from './from-lines.js';
import type { PinChange, UpdateRequest } from './types.js';
import { refreshHeader } from './header.js';

export type { PinChange, UpdateRequest, UpdateTarget } from './types.js';

export interface SkippedFrom {
  line: number;
  image: string;
  reason: string;
}

export interface UpdatePlan {
  text: string;
  changes: PinChange[];
  skipped: SkippedFrom[];
  warnings: string[];
}

export type Resolve = (request: ImageRequest) => Promise<ImageResolution>;

export async function planUpdate(text: string, request: UpdateRequest, resolve: Resolve): Promise<UpdatePlan> {
  const changes: PinChange[] = [];
  const skipped: SkippedFrom[] = [];
  const warnings: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const resolveOnce = onePerRequest(resolve);
  let firstImage: ResolvedImage | undefined;
  let runtimeImage: ResolvedImage | undefined;

  for (const from of fromLines(text)) {
    const c = classifyFrom(from, request.baseImage);
    if (c.kind === 'stage') continue;
    if (c.kind === 'skip') {
      skipped.push({ line: from.line, image: from.image, reason: c.reason });
      continue;
    }
    if (c.kind === 'distroless' || c.kind === 'dhi') {
      const change = c.kind === 'dhi' ? await dhiPin(from, c, resolveOnce) : await distrolessPin(from, c, request, resolveOnce);
      if (!warnings.includes(change.warnings.join('\n'))) warnings.push(...change.warnings);
      changes.push(change.pin);
      if (change.pin.stale) edits.push({ start: from.start, end: from.end, text: change.pin.to });
      // A dhi -dev line is the build image (the header's "Base image"); the other is the runtime's.
      if (c.kind === 'dhi' && c.dev) firstImage ??= change.image;
      else if (change.pin.stale) runtimeImage = change.image;
      continue;
    }
    if (c.reason && request.to !== 'lts') {
      skipped.push({ line: from.line, image: from.image, reason: c.reason });
      continue;
    }
    const base = c.parsed?.flavor ?? 'alpine';
    const nodeRange = request.to === 'lts' || c.parsed?.major === undefined ? undefined : String(c.parsed.major);
    const imageRequest: ImageRequest = { nodeRange, base, registryMirror: request.registryMirror, baseImage: request.baseImage, noFallback: true };
    const resolution = await resolveOnce(imageRequest);
    if (!warnings.includes(resolution.warnings.join('\n'))) warnings.push(...resolution.warnings);
    const image = resolution.image;
    firstImage ??= image;
    const next = `${c.name}:${image.tag}@${image.digest}`;
    changes.push({
      line: from.line,
      from: from.image,
      to: next,
      oldVersion: c.parsed?.version ?? c.tag,
      newVersion: image.version,
      oldDigest: c.digest,
      newDigest: image.digest,
      stale: next !== from.image,
    });
    if (next !== from.image) edits.push({ start: from.start, end: from.end, text: next });
  }

  let updated = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) updated = updated.slice(0, edit.start) + edit.text + updated.slice(edit.end);
  updated = refreshHeader(updated, { ...(edits.length > 0 && firstImage ? { image: firstImage } : {}), ...(runtimeImage ? { runtimeImage } : {}) });
  return { text: updated, changes, skipped, warnings: [...new Set(warnings)] };
}

/** The resolver, asked once per distinct request: FROM lines that share an image share its resolution. */
function onePerRequest(resolve: Resolve): Resolve {
  const resolved = new Map<string, Promise<ImageResolution>>();
  return (request) => {
    const key = JSON.stringify(request);
    if (!resolved.has(key)) resolved.set(key, resolve(request));
    return resolved.get(key)!;
  };
}
