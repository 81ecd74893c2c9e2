// What a command is: its flags as data, its help, and what it runs with the values parsed from
// them (typed from the same table: flag-spec.ts). One file per command under src/cli/commands/
// exports `command`, built with defineCommand; table.ts lists them.
import type { CliDeps } from '../deps.js';
import type { FlagSpecs, FlagValues } from '../../options/flag-spec.js';

export interface CommandHelp {
  /** yargs usage line and description, e.g. "$0 [dir] [options]\n\nGenerate ...". */
  usage: string;
  examples: [string, string][];
  /** The command's own "Exit codes:" block when it differs from generate's. */
  exitCodes?: string;
}

/** A command as declared: run() takes the values typed from its own flags. */
export interface CommandDefinition<S extends FlagSpecs> {
  /** Its flags by result key (--help and parsing are derived from them). */
  options: S;
  help: CommandHelp;
  /** Runs with the parsed values (keyed by flag key, plus the positional `dir`). */
  run(values: FlagValues<S>, deps: CliDeps): Promise<number>;
}

/** A command as the table and the parsers see it, whatever its flags. */
export interface CommandModule {
  options: FlagSpecs;
  help: CommandHelp;
  run(values: Record<string, unknown>, deps: CliDeps): Promise<number>;
}

/**
 * The one place parsed values meet their type: both parsers (simple-args.ts, args.ts) build one
 * value per spec of `options` by the rules FlagValues states (test/cli/simple-args.test.ts and
 * test/options/args.test.ts hold them to it).
 */
export function defineCommand<const S extends FlagSpecs>(command: CommandDefinition<S>): CommandModule {
  return { options: command.options, help: command.help, run: (values, deps) => command.run(values as FlagValues<S>, deps) };
}

export interface CommandEntry {
  name: string;
  description: string;
  load(): Promise<CommandModule>;
}
