// generate's arguments through the full (yargs) parser, as Flags: for tests that build options
// from an argv without running the whole CLI.
import { parseArgs, type ParseMeta } from '../../src/cli/args.js';
import { command } from '../../src/cli/commands/generate.js';
import { FLAGS, type Flags } from '../../src/options/flags.js';

export function parseGenerateArgs(argv: string[], meta: ParseMeta): { kind: 'run'; flags: Flags } | { kind: 'output'; text: string } {
  const parsed = parseArgs(argv, meta, { options: FLAGS, help: command.help, command: '' });
  return parsed.kind === 'output' ? parsed : { kind: 'run', flags: parsed.values };
}
