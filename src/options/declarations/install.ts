// How dependencies are installed and the app is built: package manager and lockfile, build step,
// native modules, private registry, build-time variables.
import { UsageError } from '../../errors.js';
import type { OptionBehaviours } from '../declaration.js';
import { PACKAGE_MANAGERS } from '../flags.js';
import type { PackageManagerName } from '../../detect/facts.js';
import type { RecipePlan } from '../../recipes/types.js';

export const INSTALL_OPTIONS = {
  packageManager: {
    async prompt({ given, facts, ask }) {
      if (facts.packageManager.lockfile || given.packageManager !== undefined) return {};
      const name = await ask({
        type: 'select',
        name: 'packageManager',
        message: 'No lockfile found. Which package manager does this project use?',
        default: facts.packageManager.name,
        choices: PACKAGE_MANAGERS.map((pm) => ({ name: pm, value: pm })),
      });
      return { packageManager: name as PackageManagerName };
    },
    summary: (o) => ['package manager', `${o.packageManager.name}${o.packageManager.lockfile ? ` (${o.packageManager.lockfile})` : ' (no lockfile)'}`],
    writeBack: { kind: 'setup', args: (o) => ['--package-manager', o.packageManager.name] },
  },
  allowNoLockfile: {
    async prompt({ given, facts, ask }) {
      if (facts.packageManager.lockfile || given.allowNoLockfile !== undefined) return {};
      const allow = (await ask({
        type: 'confirm',
        name: 'allowNoLockfile',
        message: 'Without a lockfile, builds are not reproducible. Generate anyway? (better: create a lockfile first)',
        default: false,
      })) as boolean;
      if (!allow) throw new UsageError('no lockfile: create one (e.g. "npm install --package-lock-only") and run again');
      return { allowNoLockfile: true };
    },
    writeBack: { kind: 'setup', args: (o) => (o.allowNoLockfile ? ['--allow-no-lockfile'] : []) },
  },
  build: {
    async prompt({ given, facts, ask }) {
      if (given.build !== undefined || !facts.build) return {};
      return { build: (await ask({ type: 'confirm', name: 'build', message: `Run "${facts.build.script}" in a build stage?`, default: true })) as boolean };
    },
    // What the runtime takes from the build stage (.next for Next.js, build for SvelteKit), as the recipe plans it.
    summary: (o, _facts, plan) => ['build step', o.build ? `${o.build.script} -> ${buildOutputs(plan) ?? `${o.build.outDir}/`}` : 'none'],
    writeBack: { kind: 'setup', args: (o) => [o.build ? '--build' : '--no-build'] },
  },
  native: {
    async prompt({ given, facts, ask }) {
      if (given.native !== undefined) return {};
      const why = facts.nativeReasons.length > 0 ? ` (found: ${facts.nativeReasons.join(', ')})` : '';
      return { native: (await ask({ type: 'confirm', name: 'native', message: `Does it build native modules${why}?`, default: facts.native })) as boolean };
    },
    summary: (o, facts) => ['native modules', o.native ? `yes${facts.nativeReasons.length ? ` (${facts.nativeReasons.join(', ')})` : ''}` : 'no'],
    writeBack: { kind: 'setup', args: (o) => [o.native ? '--native' : '--no-native'] },
  },
  npmRegistry: {
    summary: (o, facts) => [
      'private registry',
      o.registry ? `yes (token only as a build secret${facts.registry?.hasToken ? '; a token is in .npmrc, it is not copied' : ''})` : 'no',
    ],
    writeBack: { kind: 'setup', args: (o) => (o.registry?.url ? ['--npm-registry', o.registry.url] : []) },
  },
  buildArgs: {
    summary: (o) => ['build variables', [...o.buildVariables.args.map((n) => `${n} (arg)`), ...o.buildVariables.secrets.map((n) => `${n} (secret)`)].join(', ') || 'none'],
    writeBack: { kind: 'setup', args: (o) => o.buildVariables.args.flatMap((n) => ['--build-arg', n]) },
  },
  buildSecrets: {
    writeBack: { kind: 'setup', args: (o) => o.buildVariables.secrets.flatMap((n) => ['--build-secret', n]) },
  },
} satisfies OptionBehaviours;

/** What the runtime stage copies from the build stage (folders and files), or undefined when it copies nothing. */
function buildOutputs(plan: RecipePlan): string | undefined {
  const outputs = [...new Set(plan.runtimeCopies.filter((c) => c.from === 'build').map((c) => c.src))];
  return outputs.length > 0 ? outputs.join(', ') : undefined;
}
