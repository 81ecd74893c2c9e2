// The generated Dockerfile's header says which images it pins and where and when their digests were
// resolved. After `update` moves a pin, the header is parsed with the partial that wrote it
// (render/dockerfile-header.ts) and written again with the new pin's values; nothing else changes.
// A Dockerfile without our header is left as it is.
import type { ResolvedImage } from '../image/types.js';
import { runtimeBase } from '../render/runtime-base.js';
import { buildPinValues, headerLines, isStale, parseHeader, runtimePinValues } from '../render/dockerfile-header.js';

export interface MovedPins {
  /** The build image (first node FROM line), when its pin moved. */
  image?: ResolvedImage;
  /** The runtime image (distroless), when its pin moved. */
  runtimeImage?: ResolvedImage;
}

export function refreshHeader(text: string, moved: MovedPins): string {
  const header = parseHeader(text);
  if (header === undefined || (moved.image === undefined && moved.runtimeImage === undefined)) return text;
  const values = { ...header.values, ...(moved.image ? buildPinValues(moved.image) : {}), ...(moved.runtimeImage ? runtimePinValues(moved.runtimeImage) : {}) };
  // A Docker Hardened Images header wraps the build tag's label in its own words: keep them.
  const dhiLabel = runtimeBase('dhi').buildLabel;
  if (moved.image && dhiLabel && header.values.baseLabel?.startsWith('Docker Hardened Images ')) values.baseLabel = dhiLabel(values.baseLabel!);
  const blocks = new Set(header.blocks);
  if (moved.image) {
    if (isStale(moved.image)) blocks.add('staleImage');
    else blocks.delete('staleImage');
  }
  const lines = text.split('\n');
  const eol = lines[0]!.endsWith('\r') ? '\r' : '';
  return [...headerLines(values, blocks).map((line) => line + eol), ...lines.slice(header.lineCount)].join('\n');
}
