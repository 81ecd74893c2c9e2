// The generated Dockerfile's header, declared once in templates/partials/header.hbs: Handlebars
// renders it, and this module reads the same partial to parse a header back into its values and to
// write it again after `update` moved a pin. The partial keeps to what both sides understand: plain
// `{{value}}`s, `{{#if name}}` blocks on their own lines, `{{!-- comments --}}` on their own lines.
import partial from '../../templates/partials/header.hbs?raw';
import type { ResolvedImage } from '../image/types.js';

interface HeaderLine {
  /** The line as the partial writes it, placeholders included. */
  text: string;
  /** The `{{#if …}}` block the line sits in, if any. */
  block: string | undefined;
  pattern: RegExp;
  names: string[];
}

export interface ParsedHeader {
  /** Each placeholder's value as the header prints it ("image.version" -> "24.11.0"). */
  values: Record<string, string>;
  /** The blocks the header holds ("runtimeImage", "staleImage"). */
  blocks: Set<string>;
  /** How many lines of the text the header took. */
  lineCount: number;
}

const PLACEHOLDER = /\{\{([\w.]+)\}\}/g;

const LINES: readonly HeaderLine[] = (() => {
  const lines: HeaderLine[] = [];
  let block: string | undefined;
  for (const text of partial.replace(/\n$/, '').split('\n')) {
    if (/^\{\{!--.*--\}\}$/.test(text)) continue;
    const open = /^\{\{#if ([\w.]+)\}\}$/.exec(text);
    if (open) block = open[1];
    else if (text === '{{/if}}') block = undefined;
    else if (/\{\{[^\w]/.test(text)) throw new Error(`templates/partials/header.hbs: only plain values and if-blocks are parsed back, got: ${text}`);
    else {
      const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
      const source = text.split(PLACEHOLDER).map((part, i) => (i % 2 === 1 ? '(.*?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
      lines.push({ text, block, names, pattern: new RegExp(`^${source}$`) });
    }
  }
  return lines;
})();

/** The header at the top of `text` read back into its values, or undefined when the text does not start with ours. */
export function parseHeader(text: string): ParsedHeader | undefined {
  const lines = text.split('\n');
  const values: Record<string, string> = {};
  const blocks = new Set<string>();
  let at = 0;
  for (const line of LINES) {
    const match = lines[at] === undefined ? null : line.pattern.exec(lines[at]!.replace(/\r$/, ''));
    if (match === null) {
      if (line.block !== undefined && !blocks.has(line.block)) continue;
      return undefined;
    }
    line.names.forEach((name, i) => (values[name] = match[i + 1]!));
    if (line.block !== undefined) blocks.add(line.block);
    at++;
  }
  return { values, blocks, lineCount: at };
}

/** The header's lines for these values, as the partial renders them. */
export function headerLines(values: Readonly<Record<string, string>>, blocks: ReadonlySet<string>): string[] {
  return LINES.filter((line) => line.block === undefined || blocks.has(line.block)).map((line) => line.text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? ''));
}

/** A digest that came from the cache or the snapshot, not from a live lookup: the header says so. */
export function isStale(image: Pick<ResolvedImage, 'source'>): boolean {
  return image.source === 'cache' || image.source === 'snapshot';
}

export function baseLabel(tag: string, alpine: boolean): string {
  if (alpine) {
    const version = /alpine(\d+\.\d+)/.exec(tag)?.[1];
    return version ? `Alpine ${version}` : 'Alpine';
  }
  const codename = /-(bookworm|trixie|bullseye|forky)-slim/.exec(tag)?.[1];
  return codename ? `Debian ${codename} (slim)` : 'Debian (slim)';
}

/** The header's values that follow the build image's pin. */
export function buildPinValues(image: ResolvedImage): Record<string, string> {
  return {
    'image.version': image.version,
    baseLabel: baseLabel(image.tag, /-alpine/.test(image.tag)),
    'image.resolvedFrom': image.resolvedFrom,
    'image.source': image.source,
    'image.resolvedAt': image.resolvedAt,
  };
}

/** The header's values that follow a runtime image's pin (distroless: no version tags). */
export function runtimePinValues(image: Pick<ResolvedImage, 'version' | 'resolvedFrom' | 'resolvedAt'>): Record<string, string> {
  return { 'runtimeImage.version': image.version, 'runtimeImage.resolvedFrom': image.resolvedFrom, 'runtimeImage.resolvedAt': image.resolvedAt };
}
