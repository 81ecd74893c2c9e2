// Command-line arguments -> a command's values, not yet validated. The yargs configuration and the
// reader are derived from the command's option declarations. Strict: an unknown flag is a usage
// error. Help and version text are returned, never printed, so the shell decides where they go.
import yargs from 'yargs';
import { UsageError } from '../errors.js';
import type { FlagSpec, FlagSpecs, FlagValues } from '../options/flag-spec.js';
import { flagValues, type GivenValue } from '../options/flag-values.js';
import type { CommandHelp } from './commands/command.js';

export type ParsedArgs<V = Record<string, unknown>> = { kind: 'run'; values: V } | { kind: 'output'; text: string };

export const EXIT_CODES_HELP = `Exit codes:
  0    done (or nothing to change)
  1    unexpected failure
  2    invalid input or usage (bad flag value, undetectable fact, malformed package.json)
  3    refused to overwrite a changed file (pass --force, or run interactively)
  4    base image could not be resolved to a digest
  5    files written, but --verify failed (or no container engine was reachable)
  130  cancelled`;

export interface ParseSpec<S extends FlagSpecs = FlagSpecs> {
  options: S;
  help: CommandHelp;
  /** The command's name as typed before its flags ('' for the default command). */
  command: string;
  /** Text after the exit codes (the command list). */
  epilogue?: string;
}

export interface ParseMeta {
  version: string;
  width: number;
}

export function parseArgs<S extends FlagSpecs>(argv: string[], meta: ParseMeta, spec: ParseSpec<S>): ParsedArgs<FlagValues<S>> {
  let output = '';
  let failure: string | undefined;
  const scriptName = spec.command ? `create-secure-node-docker ${spec.command}` : 'create-secure-node-docker';
  let parser = yargs().scriptName(scriptName).usage(spec.help.usage).command('$0 [dir]', false);
  parser = parser.positional('dir', { type: 'string', describe: 'The app directory (default: current directory)' });
  for (const decl of Object.values(spec.options)) {
    const config: Record<string, unknown> = { type: decl.type === 'boolean' ? 'boolean' : 'string', hidden: decl.describe === undefined };
    // yargs reads a present-but-undefined key as a value (an array option would hold [undefined]).
    if (decl.type === 'list') config.array = true;
    if (decl.choices) config.choices = decl.choices;
    if (decl.alias) config.alias = decl.alias;
    if (decl.default !== undefined) config.default = decl.default;
    if (decl.describe) config.describe = decl.describe;
    parser = parser.option(decl.flag, config);
  }
  parser
    .example(spec.help.examples)
    .epilogue(spec.epilogue ? `${spec.help.exitCodes ?? EXIT_CODES_HELP}\n\n${spec.epilogue}` : (spec.help.exitCodes ?? EXIT_CODES_HELP))
    .version(meta.version)
    .help()
    .alias('h', 'help')
    .strict()
    .parserConfiguration({ 'camel-case-expansion': true, 'boolean-negation': true, 'duplicate-arguments-array': true, 'greedy-arrays': false })
    .wrap(Math.min(100, meta.width))
    .exitProcess(false)
    .fail((message, error) => {
      failure = message || error?.message || 'invalid arguments';
    });

  const parsed = parser.parseSync(argv, {}, (_error, _argv, text) => {
    output = text;
  });
  if (failure !== undefined) throw new UsageError(`${failure} (see --help)`);
  if (output) return { kind: 'output', text: output };

  const positional = parsed._;
  if (positional.length > 0) throw new UsageError(`unexpected argument: ${String(positional[0])} (see --help)`);
  const dir = parsed.dir === undefined ? undefined : String(parsed.dir);
  return { kind: 'run', values: flagValues(spec.options, dir, (_key, decl) => givenValue(parsed[camel(decl.flag)], decl)) };
}

/**
 * yargs' camel-cased value for one flag -> what the user gave: a list's strings, a boolean, a string;
 * undefined when not given. A single-valued flag given twice is refused.
 */
function givenValue(value: unknown, decl: FlagSpec): GivenValue {
  if (value === undefined) return undefined;
  if (decl.type === 'list') return (Array.isArray(value) ? value : [value]).map(String);
  if (Array.isArray(value)) throw new UsageError(`--${decl.flag} was given more than once`);
  return decl.type === 'boolean' && typeof value === 'boolean' ? value : String(value);
}

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}
