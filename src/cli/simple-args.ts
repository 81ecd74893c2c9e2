// The common case without yargs: argv made only of declared flags in their plain spellings
// (`--flag`, `--no-flag` for booleans, `--flag value`, the declared one-letter alias) and at most
// one positional [dir]. Anything else (help, version, `=`, camelCase spellings, unknown or repeated
// flags, a value that looks like a flag or a boolean, a bad choice) returns undefined and yargs
// parses it, so every error message and every unusual spelling is yargs' own. Loading yargs is most
// of a plain run's start-up; test/cli/simple-args.test.ts proves both parsers agree.
import type { FlagSpec, FlagSpecs, FlagValues } from '../options/flag-spec.js';
import { flagValues } from '../options/flag-values.js';

export function parseSimple<S extends FlagSpecs>(argv: readonly string[], options: S): FlagValues<S> | undefined {
  const byFlag = new Map<string, [key: string, spec: FlagSpec]>();
  for (const [key, spec] of Object.entries(options)) {
    byFlag.set(`--${spec.flag}`, [key, spec]);
    if (spec.alias) byFlag.set(`-${spec.alias}`, [key, spec]);
  }
  const singles = new Map<string, boolean | string>();
  const lists = new Map<string, string[]>();
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] ?? '';
    if (!token.startsWith('-')) {
      if (dir !== undefined || !plainValue(token)) return undefined;
      dir = token;
      continue;
    }
    const negated = token.startsWith('--no-') ? byFlag.get(`--${token.slice(5)}`) : undefined;
    const found = negated ?? byFlag.get(token);
    if (!found) return undefined;
    const [key, spec] = found;
    if (negated && spec.type !== 'boolean') return undefined;
    if (spec.type === 'boolean') {
      // yargs lets a boolean take a following "true"/"false"; leave that spelling to it.
      const next = argv[i + 1];
      if (singles.has(key) || next === 'true' || next === 'false') return undefined;
      singles.set(key, !negated);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('-') || !plainValue(value)) return undefined;
    if (spec.choices && !spec.choices.includes(value)) return undefined;
    i += 1;
    if (spec.type === 'list') lists.set(key, [...(lists.get(key) ?? []), value]);
    else if (singles.has(key)) return undefined;
    else singles.set(key, value);
  }
  return flagValues(options, dir, (key) => lists.get(key) ?? singles.get(key));
}

/** Values yargs reads as something other than the same string (booleans, numbers in odd spellings, empty). */
function plainValue(value: string): boolean {
  return value !== '' && value !== 'true' && value !== 'false' && !/^\s|\s$/.test(value) && !/^[-+]?(\d|\.\d)/.test(value) || /^[1-9]\d{0,8}$/.test(value);
}
