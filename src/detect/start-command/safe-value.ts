// The narrow character rule every value leaving this module passes, whatever its source (a flag, a
// package.json script, an ecosystem file, a lockfile): the words become a JSON exec-form CMD, the env
// an ENV line and the build steps a RUN line, so anything outside the set is refused, never escaped.
import { UsageError } from '../../errors.js';
import { printable } from '../../core/validate.js';

/** Letters, digits and . _ @ + - / = : , % — enough for paths, flags, package names and versions. */
const SAFE_WORD = /^[A-Za-z0-9._@+\-/=:,%]+$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A build step is words separated by single spaces. */
const SAFE_STEP = /^[A-Za-z0-9._@+\-/=:,% ]+$/;

export function safeWord(value: string, source: string): string {
  if (!SAFE_WORD.test(value)) {
    throw new UsageError(
      `${source}: "${printable(value)}" may contain only letters, digits and . _ @ + - / = : , % (no spaces, quotes or shell characters)`,
    );
  }
  return value;
}

export function safeEnv(name: string, value: string, source: string): [string, string] {
  if (!ENV_NAME.test(name)) throw new UsageError(`${source}: "${printable(name)}" is not an environment variable name`);
  if (value !== '') safeWord(value, source);
  return [name, value];
}

export function safeStep(value: string, source: string): string {
  const step = value.trim().replace(/\s+/g, ' ');
  if (!SAFE_STEP.test(step)) {
    throw new UsageError(
      `${source}: the step "${printable(value)}" may contain only letters, digits, spaces and . _ @ + - / = : , %`,
    );
  }
  return step;
}
