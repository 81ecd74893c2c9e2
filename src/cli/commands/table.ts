// The command table: one line per command, each command one file under src/cli/commands/, loaded
// only when it runs (or its --help is shown). `generate` is the default: `create-secure-node-docker
// [dir]` runs it, so a directory named like a command is reached as `./<name>`.
// Adding a command = one file exporting `command: CommandModule` + one line here.
import type { CliDeps } from '../deps.js';
import type { FlagSpec } from '../../options/declaration.js';

export interface CommandHelp {
  /** yargs usage line and description, e.g. "$0 [dir] [options]\n\nGenerate ...". */
  usage: string;
  examples: [string, string][];
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

export const DEFAULT_COMMAND = 'generate';

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'generate', description: 'Write the Docker setup for the app in [dir] (the default command)', load: async () => (await import('./generate.js')).command },
];
