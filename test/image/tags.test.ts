import { describe, expect, it } from 'vitest';
import { expectedNewestMajor } from '../../src/image/registry-version.js';
import { defaultTag, variantOf, variantTags } from '../../src/image/tags.js';

describe('docker-node tag names', () => {
  it('default tags per flavour', () => {
    expect(defaultTag('24.21.0', 'alpine')).toBe('24.21.0-alpine');
    expect(defaultTag('lts', 'slim')).toBe('lts-slim');
  });

  it('Alpine variant candidates around the date, hints first, no duplicates', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    expect(variantTags('26.6.0', 'alpine', now)).toEqual(['26.6.0-alpine3.24', '26.6.0-alpine3.25', '26.6.0-alpine3.23', '26.6.0-alpine3.22']);
    expect(variantTags('26.6.0', 'alpine', now, ['alpine3.23'])[0]).toBe('26.6.0-alpine3.23');
    expect(variantTags('26.6.0', 'alpine', now, ['alpine3.23'])).toHaveLength(4);
    expect(variantTags('20.1.0', 'alpine', new Date('2025-07-01T00:00:00Z'))[0]).toBe('20.1.0-alpine3.22');
  });

  it('slim variants are Debian codenames', () => {
    expect(variantTags('24.21.0', 'slim', new Date())).toEqual(['24.21.0-trixie-slim', '24.21.0-bookworm-slim', '24.21.0-forky-slim']);
    expect(variantOf('24.21.0-bookworm-slim', '24.21.0')).toBe('bookworm-slim');
  });

  it('the newest Node major expected on a date (even in April, odd in October)', () => {
    expect(expectedNewestMajor(new Date('2026-01-10T00:00:00Z'))).toBe(25);
    expect(expectedNewestMajor(new Date('2026-05-10T00:00:00Z'))).toBe(26);
    expect(expectedNewestMajor(new Date('2026-11-23T00:00:00Z'))).toBe(27);
    expect(expectedNewestMajor(new Date('2027-04-30T00:00:00Z'))).toBe(28);
  });
});
