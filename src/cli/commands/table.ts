// The command table: one line per command, each command one file under src/cli/commands/, loaded
// only when it runs (or its --help is shown). `generate` is the default: `create-secure-node-docker
// [dir]` runs it, so a directory named like a command is reached as `./<name>`.
// Adding a command = one file exporting `command = defineCommand({...})` + one line here.
import type { CommandEntry } from './command.js';

export type { CommandDefinition, CommandEntry, CommandHelp, CommandModule } from './command.js';

export const DEFAULT_COMMAND = 'generate';

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'generate', description: 'Write the Docker setup for the app in [dir] (the default command)', load: async () => (await import('./generate.js')).command },
  { name: 'check', description: 'Audit any Dockerfile, .dockerignore and compose file against the security rules', load: async () => (await import('./check.js')).command },
  { name: 'update', description: 'Refresh the node image pins of a Dockerfile in place (exact tag + index digest)', load: async () => (await import('./update.js')).command },
];
