// What the rules know about shell-less Node images, and the info rule that recommends one.
//
// Distroless (GoogleContainerTools/distroless README.md) publishes only latest, nonroot, debug and
// debug-nonroot per image: pinned by digest, those tags are the most exact its registry offers, so
// they are not "inexact tags". Its `nonroot` tags run as 65532 (common/variables.bzl NONROOT), so a
// final stage on one has a non-root user even without a USER line.
import type { Hit } from './catalog.js';
import { finalChain, lineOf, parseImageRef, shellCommands, isKeyword, type DockerfileModel } from './dockerfile-model.js';

/** gcr.io/distroless/<image>, or a copy of a distroless node image on another registry (<host>/distroless/nodejs24-debian13). */
const DISTROLESS = /^(?:gcr\.io\/distroless\/[a-z0-9-]+|[^/]+\/distroless\/nodejs\d+-debian\d+)$/;
const DISTROLESS_TAGS = new Set(['nonroot', 'debug', 'debug-nonroot']);

/** A versionless tag of a registry that publishes no version tags (pinned by digest, the best there is). */
export function isVersionlessRegistryTag(name: string, tag: string): boolean {
  return DISTROLESS.test(name) && DISTROLESS_TAGS.has(tag);
}

/**
 * The Node major of a distroless node image (gcr.io/distroless/nodejs24-debian13, or the same path
 * on another registry that hosts a copy, e.g. a pull-through cache), if it is one.
 */
export function distrolessNodeMajor(name: string): number | undefined {
  const major = /^(?:[^/]+\/)?distroless\/nodejs(\d+)-debian\d+$/.exec(name)?.[1];
  return major === undefined ? undefined : Number(major);
}

/**
 * A Docker Hardened node image: dhi.io/node, or a copy of it on another registry under the same
 * path (<host>/dhi/node, e.g. a pull-through cache).
 */
export function isDhiNode(name: string): boolean {
  return name === 'dhi.io/node' || /^[^/]+\/(?:[^/]+\/)*dhi\/node$/.test(name);
}

/** What a Docker Hardened node tag says ("26.5.0-alpine3.24-dev"): the build (-dev) or runtime variant. */
export function dhiNodeTag(tag: string): { major: number; version: string; dev: boolean } | undefined {
  const match = /^(\d+)\.\d+\.\d+(?=-alpine)/.exec(tag);
  if (!match || !/^-alpine(?:3\.\d+)?(?:-dev)?$/.test(tag.slice(match[0].length))) return undefined;
  return { major: Number(match[1]), version: match[0], dev: tag.endsWith('-dev') };
}

/** Whether the image's own config runs as a non-root user (distroless `nonroot` tags). */
export function imageRunsAsNonRoot(name: string, tag: string | null): boolean {
  return DISTROLESS.test(name) && tag !== null && tag.endsWith('nonroot');
}

/** The external image the final stage starts from (after following FROM <stage>). */
export function finalBaseImage(model: DockerfileModel): { name: string; tag: string | null } | undefined {
  const first = finalChain(model)[0];
  const image = first?.from.getImage();
  if (!first || !image) return undefined;
  const { name, tag } = parseImageRef(image);
  return { name, tag };
}

/** Final-stage commands a build stage could do instead: installing an init, making directories. */
function movable(words: string[]): boolean {
  const [program, sub] = words;
  if (program === 'mkdir' || program === 'chown' || program === 'rm') return true;
  if (program === 'apt-get') return sub === 'update' || (sub === 'install' && words.slice(2).filter((w) => !w.startsWith('-')).every((p) => p === 'dumb-init' || p === 'tini'));
  return false;
}

/**
 * Info: the final stage is a Debian (glibc) node image and runs nothing that needs its shell, so it
 * could be the shell-less distroless image (same glibc; no shell or package manager for an attacker).
 * Alpine finals are not flagged: moving from musl to glibc is not a drop-in change (native modules
 * built for musl must be rebuilt), which is also why our default Alpine output passes `--fail-on info`.
 */
export function shellLessRuntime(model: DockerfileModel): Hit[] {
  const base = finalBaseImage(model);
  if (!base || base.name.split('/').at(-1) !== 'node' || base.tag === null) return [];
  if (!/(^|-)(slim|bookworm|trixie)(-|$)/.test(base.tag)) return [];
  const runs = finalChain(model).flatMap((s) => s.instructions).filter((i) => isKeyword(i, 'RUN'));
  if (!runs.every((run) => shellCommands(run).every(movable))) return [];
  const stage = finalChain(model)[0]!;
  return [{ rule: 'shell-less-runtime', line: lineOf(stage.from), message: `the final stage (FROM ${stage.from.getImage() ?? ''}) needs no shell: it could run on gcr.io/distroless/nodejs<major>-debian13:nonroot (npx create-secure-node-docker --base distroless)` }];
}
