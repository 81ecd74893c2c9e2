// The .dockerignore rules: one must exist, and it must keep secrets (.env, .npmrc) and local
// artefacts (.git, node_modules) out of the build context. Docker's own matching decides
// (src/files/dockerignore-pattern.ts), so a `!` line that re-includes a secret is caught too.
import { isIgnored, parseDockerignore } from '../files/dockerignore-pattern.js';
import type { Hit } from './catalog.js';

/** A path in the context that stands for each thing that must stay out. */
const MUST_STAY_OUT: readonly { path: string; what: string }[] = [
  { path: '.env', what: '.env' },
  { path: '.env.production', what: '.env.* files' },
  { path: '.npmrc', what: '.npmrc' },
  { path: '.git/config', what: '.git' },
  { path: 'node_modules/some-package/index.js', what: 'node_modules' },
];

/** `text` undefined: the file does not exist. */
export function checkDockerignoreText(text: string | undefined): Hit[] {
  if (text === undefined) return [{ rule: 'dockerignore-missing', line: 1 }];
  const lines = parseDockerignore(text);
  return MUST_STAY_OUT.filter(({ path }) => !isIgnored(lines, path)).map(({ path, what }) => {
    const reinclude = lines.filter((l) => l.negated && isIgnored([{ negated: false, pattern: l.pattern }], path)).at(-1);
    return reinclude
      ? { rule: 'dockerignore-lets-in', line: reinclude.line, message: `.dockerignore line "${reinclude.text.trim()}" lets ${what} back into the build context` }
      : { rule: 'dockerignore-lets-in', line: 1, message: `.dockerignore does not keep ${what} out of the build context` };
  });
}
