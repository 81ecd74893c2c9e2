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

/**
 * A command as the table sees it, whatever its flags: it hands its definition to `use`, which is
 * generic over the flags, so the values parsed from `options` reach run() with their type (S is
 * never erased and cast back).
 */
export interface CommandModule {
  open<R>(use: <S extends FlagSpecs>(command: CommandDefinition<S>) => R): R;
}

/** A command's definition, kept typed (generate's `command.options` is FLAGS), and its table view. */
export function defineCommand<const S extends FlagSpecs>(command: CommandDefinition<S>): CommandDefinition<S> & CommandModule {
  return { ...command, open: (use) => use(command) };
}

export interface CommandEntry {
  name: string;
  description: string;
  load(): Promise<CommandModule>;
}
