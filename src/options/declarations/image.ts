// Which base image, and how it is resolved to an exact tag and digest.
import type { OptionBehaviours } from '../declaration.js';
import { DEFAULT_BASE, type Base } from '../flags.js';

export const IMAGE_OPTIONS = {
  base: {
    async prompt({ given, ask }) {
      if (given.base !== undefined) return {};
      const base = await ask({
        type: 'select',
        name: 'base',
        message: 'Runtime image',
        default: DEFAULT_BASE,
        choices: [
          { name: 'Alpine (small; musl libc)', value: 'alpine' },
          { name: 'Debian slim (glibc, for native modules that need it)', value: 'slim' },
          { name: 'Distroless (glibc; no shell, no package manager, uid 65532)', value: 'distroless' },
          { name: 'Docker Hardened Images (Alpine, musl; no shell, no npm, uid 1000; needs docker login dhi.io)', value: 'dhi' },
        ],
      });
      return { base: base as Base };
    },
    summary: (o) => ['base', o.base],
    writeBack: { kind: 'setup', args: (o) => (o.base === DEFAULT_BASE ? [] : ['--base', o.base]) },
  },
  node: {
    summary: (o) => ['node', o.nodeRange ?? 'newest LTS'],
    writeBack: { kind: 'setup', args: (o) => (o.nodeRange === undefined ? [] : ['--node', o.nodeRange]) },
  },
  registryMirror: {
    writeBack: { kind: 'setup', args: (o) => (o.image.registryMirror ? ['--registry-mirror', o.image.registryMirror] : []) },
  },
  baseImage: {
    writeBack: { kind: 'setup', args: (o) => (o.image.baseImage ? ['--base-image', o.image.baseImage] : []) },
  },
  runtimeImage: {
    writeBack: { kind: 'setup', args: (o) => (o.image.runtimeImage ? ['--runtime-image', o.image.runtimeImage] : []) },
  },
  digest: {
    writeBack: { kind: 'setup', args: (o) => (o.image.digest ? ['--digest', o.image.digest] : []) },
  },
  offline: {
    writeBack: { kind: 'run', args: (o) => (o.image.offline ? ['--offline'] : []) },
  },
  fallback: {
    writeBack: { kind: 'run', args: (o) => (o.image.noFallback ? ['--no-fallback'] : []) },
  },
} satisfies OptionBehaviours;
