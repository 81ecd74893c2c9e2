// The Dockerfile header is declared once (templates/partials/header.hbs): Handlebars renders it and
// render/dockerfile-header.ts parses it back and writes it again. Round trips: every golden header
// parses and re-renders byte for byte; any values rendered by Handlebars parse back to themselves;
// update's refresh of a header equals rendering the partial with the new pin.
import { readdirSync, readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerLines, parseHeader } from '../../src/render/dockerfile-header.js';
import { COMPILE_OPTIONS } from '../../src/render/templates.js';
import type { ResolvedImage } from '../../src/image/types.js';
import { refreshHeader } from '../../src/update/header.js';

const GOLDEN = new URL('../golden/__snapshots__/', import.meta.url);
const goldens = readdirSync(GOLDEN).filter((d) => readdirSync(new URL(`${d}/`, GOLDEN)).includes('Dockerfile'));
const render = Handlebars.compile(readFileSync(new URL('../../templates/partials/header.hbs', import.meta.url), 'utf8'), COMPILE_OPTIONS);

const word = fc.stringMatching(/^[A-Za-z0-9][\w.:/@-]{0,30}$/);
const image = fc.record({
  version: fc.stringMatching(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/),
  tag: fc.constantFrom('24.11.0-alpine3.22', '26.6.0-trixie-slim', '22.1.0-bookworm-slim', 'nonroot'),
  resolvedFrom: word,
  source: fc.constantFrom('registry', 'cache', 'snapshot', 'given'),
  resolvedAt: fc.stringMatching(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
}) as fc.Arbitrary<Pick<ResolvedImage, 'version' | 'tag' | 'resolvedFrom' | 'source' | 'resolvedAt'>>;
const view = fc.record({
  generatorVersion: word,
  image,
  runtimeImage: fc.option(image, { nil: false as const }),
  runtimeLabel: fc.constantFrom('distroless (Debian 13, glibc)', 'Docker Hardened Images'),
  // Each shell-less base's two pin-note lines (render/runtime-base.ts pinNote).
  runtimePin: fc.constantFrom(
    { runtimePinHow: 'index digest (its registry publishes', runtimePinWhy: "no version tags; the version is the one the digest's manifest declares)." },
    { runtimePinHow: 'tag and image index digest, like the build image', runtimePinWhy: '(its -dev variant). No shell here; it runs as node, uid 1000.' },
  ),
  updateFlags: fc.constantFrom('', ' --registry-mirror http://127.0.0.1:5000', ' --base-image 127.0.0.1:5000/library/node'),
  regenerateCommand: fc.constantFrom('npx create-secure-node-docker --yes', 'npx create-secure-node-docker --yes --base slim --port 8080'),
});
type View = typeof view extends fc.Arbitrary<infer T> ? T : never;
const baseLabelOf = (tag: string) => (tag.includes('alpine') ? `Alpine ${/alpine(\d+\.\d+)/.exec(tag)![1]}` : tag.includes('-slim') ? `Debian ${/-(\w+)-slim/.exec(tag)![1]} (slim)` : 'Debian (slim)');
const text = (v: View) => render({ ...v, ...v.runtimePin, baseLabel: baseLabelOf(v.image.tag), staleImage: v.image.source === 'cache' || v.image.source === 'snapshot' }) + '#\n# Build: docker build -t app .\nFROM base\n';

describe('the Dockerfile header: one partial, rendered and parsed', () => {
  it.each(goldens)('%s: the golden header parses and re-renders byte for byte', (name) => {
    const dockerfile = readFileSync(new URL(`${name}/Dockerfile`, GOLDEN), 'utf8');
    const header = parseHeader(dockerfile);
    expect(header).toBeDefined();
    expect(header!.values['image.version']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(headerLines(header!.values, header!.blocks)).toEqual(dockerfile.split('\n').slice(0, header!.lineCount));
  });

  it('whatever values Handlebars renders, parsing gives them back', () => {
    fc.assert(
      fc.property(view, (v) => {
        const header = parseHeader(text(v))!;
        expect(header.values).toMatchObject({ generatorVersion: v.generatorVersion, 'image.version': v.image.version, 'image.resolvedAt': v.image.resolvedAt, regenerateCommand: v.regenerateCommand, updateFlags: v.updateFlags });
        expect(header.blocks.has('runtimeImage')).toBe(v.runtimeImage !== false);
        expect(headerLines(header.values, header.blocks).join('\n') + '\n').toBe(render({ ...v, ...v.runtimePin, baseLabel: baseLabelOf(v.image.tag), staleImage: header.blocks.has('staleImage') }));
      }),
    );
  });

  it("update's refresh equals rendering the partial with the new pins; the lines after the header stay", () => {
    fc.assert(
      fc.property(view, image, image, (v, build, runtime) => {
        const moved = { image: { ...build, ref: 'x', repository: 'node', digest: 'sha256:x' } as ResolvedImage, ...(v.runtimeImage !== false ? { runtimeImage: { ...runtime, ref: 'y', repository: 'd', digest: 'sha256:y' } as ResolvedImage } : {}) };
        const expected = text({ ...v, image: build, runtimeImage: v.runtimeImage === false ? false : { ...v.runtimeImage, version: runtime.version, resolvedFrom: runtime.resolvedFrom, resolvedAt: runtime.resolvedAt } });
        expect(refreshHeader(text(v), moved)).toBe(expected);
      }),
    );
  });

  it('a foreign header is not ours: nothing parsed, nothing refreshed', () => {
    const foreign = '# my header: Digest resolved from nowhere (registry) at yesterday.\nFROM node:22\n';
    expect(parseHeader(foreign)).toBeUndefined();
    expect(refreshHeader(foreign, { image: { version: '1.0.0', tag: '1', resolvedFrom: 'r', source: 'registry', resolvedAt: 't', ref: 'x', repository: 'node', digest: 'sha256:x' } })).toBe(foreign);
  });
});
