// What a command is: its flags as declarations, its help, and what it runs. One file per command
// under src/cli/commands/ exports `command: CommandModule`; table.ts lists them.
import type { CliDeps } from '../deps.js';
import type { FlagSpec } from '../../options/declaration.js';

export interface CommandHelp {
  /** yargs usage line and description, e.g. "$0 [dir] [options]\n\nGenerate ...". */
  usage: string;
  examples: [string, string][];
  /** The command's own "Exit codes:" block when it differs from generate's. */
  exitCodes?: string;
}

export interface CommandModule {
  /** Its flags by result key, as declarations (--help and parsing are derived from them). */
  options: Readonly<Record<string, FlagSpec>>;
  help: CommandHelp;
  /** Runs with the parsed values (keyed by declaration key, plus the positional `dir`). */
  run(values: Record<string, unknown>, deps: CliDeps): Promise<number>;
}

export interface CommandEntry {
  name: string;
  description: string;
  load(): Promise<CommandModule>;
}
