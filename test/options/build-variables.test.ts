// --build-arg / --build-secret: the names are validated where they enter, and a value that would
// stay in the image history (a secret-looking build arg) is refused with the flag to use instead.
import { describe, expect, it } from 'vitest';
import { buildVariables } from '../../src/options/build-variables.js';

const refused = (given: { buildArgs?: string[]; buildSecrets?: string[] }, hasBuild = true) => {
  try {
    buildVariables(given, hasBuild);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('build variables', () => {
  it('keeps names in order, once each', () => {
    expect(buildVariables({ buildArgs: ['NEXT_PUBLIC_API_URL', 'NEXT_PUBLIC_API_URL', 'SITE_NAME'], buildSecrets: [' SENTRY_AUTH_TOKEN '] }, true)).toEqual({
      args: ['NEXT_PUBLIC_API_URL', 'SITE_NAME'],
      secrets: ['SENTRY_AUTH_TOKEN'],
    });
    expect(buildVariables({}, false)).toEqual({ args: [], secrets: [] });
  });

  it('refuses what is no variable name, naming the flag, without echoing control characters', () => {
    expect(refused({ buildArgs: ['A=1'] })).toBe('--build-arg takes a variable name (letters, digits and _, not starting with a digit), got "A=1"');
    expect(refused({ buildSecrets: ['1ST'] })).toMatch(/^--build-secret takes a variable name/);
    expect(refused({ buildSecrets: ['X\u001b[2J'] })).not.toContain('\u001b');
  });

  it('refuses names the build stage sets itself', () => {
    expect(refused({ buildArgs: ['NODE_ENV'] })).toBe('--build-arg NODE_ENV: the build stage sets NODE_ENV itself; pick another name');
  });

  it('a secret-looking build arg is refused and pointed to --build-secret (a build arg stays in docker history)', () => {
    expect(refused({ buildArgs: ['STRIPE_SECRET_KEY'] })).toBe('--build-arg STRIPE_SECRET_KEY looks like a secret, and a build arg stays readable in docker history: pass --build-secret STRIPE_SECRET_KEY (or, for a public value, a name without TOKEN/KEY/SECRET/PASSWORD/AUTH)');
    expect(refused({ buildArgs: ['npmAuthToken'] })).toMatch(/^--build-arg npmAuthToken looks like a secret/);
  });

  it('one name as both is refused', () => {
    expect(refused({ buildArgs: ['SITE_URL'], buildSecrets: ['SITE_URL'] })).toBe('SITE_URL is given as --build-arg and --build-secret: pick one (--build-secret if it is a secret)');
  });

  it('without a build step there is nothing to read them', () => {
    expect(refused({ buildSecrets: ['API_TOKEN'] }, false)).toBe('--build-secret names a variable for the build step, but this setup has no build step (no "build" script, or --no-build)');
  });
});
