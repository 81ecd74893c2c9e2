// The real-registry rig itself (test/support/registry.ts): a real docker-registry process, real
// pushes, and the digest it reports equals the one computed from the pushed bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA, registryBinaryStatus, startRegistry, type StartedRegistry } from '../support/registry.js';
import { pushNodeImageIndex } from '../support/registry-push.js';

const ACCEPT = [MEDIA.ociIndex, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.dockerManifest].join(', ');
const binary = registryBinaryStatus();

describe('registry binary check', () => {
  it('a missing binary skips with the apt-get hint on a laptop, and fails under CI', () => {
    expect(registryBinaryStatus('/nonexistent/docker-registry', {})).toMatchObject({ available: false, reason: expect.stringMatching(/apt-get install docker-registry/) });
    expect(() => registryBinaryStatus('/nonexistent/docker-registry', { CI: 'true' })).toThrow(/CI is set, so this is a failure/);
  });
});

describe.skipIf(!binary.available)('real registry rig', () => {
  for (const auth of ['none', 'htpasswd', 'token'] as const) {
    describe(`auth: ${auth}`, () => {
      let reg: StartedRegistry;
      beforeAll(async () => {
        reg = await startRegistry({ auth });
      });
      afterAll(() => reg.stop());

      it('serves the pushed index under every tag with the digest of the pushed bytes', async () => {
        const pushed = await pushNodeImageIndex(reg, {
          repository: 'library/node',
          tags: ['24.21.0-alpine3.24', '24.21.0-alpine'],
          nodeVersion: '24.21.0',
        });
        expect(pushed.indexDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
        const anonymous = await fetch(`${reg.url}/v2/library/node/manifests/24.21.0-alpine`, { method: 'HEAD', headers: { accept: ACCEPT } });
        if (auth === 'none') {
          expect(anonymous.status).toBe(200);
          expect(anonymous.headers.get('docker-content-digest')).toBe(pushed.indexDigest);
        } else {
          expect(anonymous.status).toBe(401);
          expect(anonymous.headers.get('www-authenticate')).toMatch(auth === 'token' ? /^Bearer realm="http:\/\/127\.0\.0\.1/ : /^Basic/);
          const authed = await fetch(`${reg.url}/v2/library/node/manifests/24.21.0-alpine3.24`, {
            method: 'HEAD',
            headers: { accept: ACCEPT, authorization: reg.pushAuthorization ?? '' },
          });
          expect(authed.status).toBe(200);
          expect(authed.headers.get('docker-content-digest')).toBe(pushed.indexDigest);
        }
      });
    });
  }
});
