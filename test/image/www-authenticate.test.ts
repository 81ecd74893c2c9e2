import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../../src/image/www-authenticate.js';

describe('parseWwwAuthenticate', () => {
  it('reads Docker Hub’s Bearer challenge', () => {
    expect(parseWwwAuthenticate('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/node:pull' } },
    ]);
  });

  it('keeps commas inside quoted values and splits several challenges in one header', () => {
    expect(parseWwwAuthenticate('Bearer realm="https://a/token", scope="repository:x:pull,push", Basic realm="b, c"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://a/token', scope: 'repository:x:pull,push' } },
      { scheme: 'basic', params: { realm: 'b, c' } },
    ]);
  });

  it('handles escapes, unquoted values, odd spacing and case', () => {
    expect(parseWwwAuthenticate('basic  REALM = "say \\"hi\\"" ,  charset=UTF-8')).toEqual([{ scheme: 'basic', params: { realm: 'say "hi"', charset: 'UTF-8' } }]);
  });

  it('returns nothing for an empty or garbage header without looping', () => {
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate('=,,"')).toEqual([]);
  });
});
