import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { digest, registryMirror } from '../../src/core/validate.js';
import { imageTarget } from '../../src/image/target.js';

describe('where to resolve and what goes on FROM', () => {
  it('defaults to Docker Hub library/node, FROM node', () => {
    expect(imageTarget({})).toEqual({
      endpoint: { baseUrl: 'https://registry-1.docker.io', host: 'registry-1.docker.io' },
      repository: 'library/node',
      fromRepository: 'node',
      officialNode: true,
    });
  });

  it('a mirror changes where, not the FROM line', () => {
    expect(imageTarget({ registryMirror: 'https://mirror.example.com/' })).toMatchObject({ endpoint: { baseUrl: 'https://mirror.example.com', host: 'mirror.example.com' }, fromRepository: 'node', officialNode: true });
    expect(imageTarget({ registryMirror: 'http://127.0.0.1:5000/' }).endpoint.baseUrl).toBe('http://127.0.0.1:5000');
  });

  it('--base-image: a registry host when the first part has a dot, a port or is localhost', () => {
    expect(imageTarget({ baseImage: 'registry.example.com/base/node' })).toMatchObject({
      endpoint: { baseUrl: 'https://registry.example.com', host: 'registry.example.com' },
      repository: 'base/node',
      fromRepository: 'registry.example.com/base/node',
      officialNode: false,
    });
    expect(imageTarget({ baseImage: 'localhost:5000/node' }).endpoint.baseUrl).toBe('http://localhost:5000');
    expect(imageTarget({ baseImage: 'acme/node' })).toMatchObject({ endpoint: { host: 'registry-1.docker.io' }, repository: 'acme/node', officialNode: false });
    expect(imageTarget({ baseImage: 'docker.io/library/node' })).toMatchObject({ repository: 'library/node', officialNode: true });
  });

  it('a Docker Hub --base-image still goes through the mirror', () => {
    expect(imageTarget({ baseImage: 'acme/node', registryMirror: 'https://m.example' }).endpoint.host).toBe('m.example');
    expect(imageTarget({ baseImage: 'r.example/node', registryMirror: 'https://m.example' }).endpoint.host).toBe('r.example');
  });

  it.each(['node:24-alpine', 'r.example/node@sha256:abc', 'Bad/Name', 'r.example/'])('rejects --base-image %s (usage error)', (value) => {
    expect(() => imageTarget({ baseImage: value })).toThrow(UsageError);
  });

  it.each(['ftp://m.example', 'https://m.example/v2/library', 'not a url', '127.0.0.1:5000'])('rejects --registry-mirror %s (core/validate.ts, before any image lookup)', (value) => {
    expect(() => registryMirror(value)).toThrow(UsageError);
  });

  it('--digest: "sha256:" and 64 lowercase hex, nothing else (a bare hex value is refused)', () => {
    const hex = 'a'.repeat(64);
    expect(digest(`sha256:${hex}`)).toBe(`sha256:${hex}`);
    for (const bad of [hex, 'sha256:xyz', `sha512:${hex}`, `sha256:${'A'.repeat(64)}`, '']) expect(() => digest(bad)).toThrow(UsageError);
  });
});
