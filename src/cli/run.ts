// The shell's core: one run from argv to exit code. argv[0] naming a command in the table runs that
// command; anything else runs the default (generate), so `create-secure-node-docker [dir]` is
// unchanged. Errors become one line and a documented exit code. Everything the run touches arrives
// in CliDeps; src/cli/main.ts wires the real process.
import { CliError, ExitCode } from '../errors.js';
import { redactUrlCredentials } from '../core/redact.js';
import { COMMANDS, DEFAULT_COMMAND, type CommandDefinition, type CommandEntry } from './commands/table.js';
import type { FlagSpecs } from '../options/flag-spec.js';
import type { CliDeps } from './deps.js';
import { parseSimple } from './simple-args.js';

export type { CliDeps } from './deps.js';

export async function runCli(argv: string[], given: CliDeps, commands: readonly CommandEntry[] = COMMANDS): Promise<number> {
  // With --json, stdout carries exactly one object, on failure too: the error object, unless the
  // command already printed its report (a refused run's report carries its error itself).
  let printed = false;
  const deps: CliDeps = { ...given, stdout: (text) => { printed = true; given.stdout(text); } };
  const json = argv.some((a) => a === '--json' || a === '--json=true');
  try {
    const named = commands.find((c) => c.name === argv[0]);
    const entry = named ?? commands.find((c) => c.name === DEFAULT_COMMAND);
    if (!entry) throw new Error(`no default command "${DEFAULT_COMMAND}" in the command table`);
    const command = await entry.load();
    const args = named ? argv.slice(1) : argv;
    return await command.open((definition) => parseAndRun(definition, args, named ? named.name : '', commands, deps));
  } catch (error) {
    const code = failure(error, deps);
    if (json && !printed) deps.stdout(`${JSON.stringify({ error: { code, message: errorMessage(error, code) } })}\n`);
    return code;
  }
}

/**
 * A command's argv -> its exit code: the common argv needs no yargs (simple-args.ts); help, version
 * and anything unusual load it. Generic over the command's flags, so run() gets them typed.
 */
async function parseAndRun<S extends FlagSpecs>(command: CommandDefinition<S>, args: string[], name: string, commands: readonly CommandEntry[], deps: CliDeps): Promise<number> {
  const simple = parseSimple(args, command.options);
  if (simple) return command.run(simple, deps);
  const parsed = (await import('./args.js')).parseArgs(args, deps, {
    options: command.options,
    help: command.help,
    command: name,
    epilogue: name ? undefined : commandList(commands),
  });
  if (parsed.kind === 'output') {
    deps.stdout(`${parsed.text}\n`);
    return ExitCode.ok;
  }
  return command.run(parsed.values, deps);
}

/** The top-level --help's list of commands, and how to reach a directory named like one. */
function commandList(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.description}`);
  const example = commands.find((c) => c.name !== DEFAULT_COMMAND)?.name ?? DEFAULT_COMMAND;
  return [
    'Commands:',
    ...rows,
    '',
    `"create-secure-node-docker <command> --help" shows a command's flags and examples.`,
    `Without a command, ${DEFAULT_COMMAND} runs. A directory named like a command: ./${example}`,
  ].join('\n');
}

function failure(error: unknown, deps: CliDeps): number {
  const code = exitCodeOf(error);
  deps.stderr(`create-secure-node-docker: ${errorMessage(error, code)}\n`);
  if (code === ExitCode.unexpected && deps.env.DEBUG) deps.stderr(`${error instanceof Error ? error.stack : ''}\n`);
  return code;
}

function exitCodeOf(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof Error && error.name === 'ExitPromptError') return ExitCode.cancelled;
  return ExitCode.unexpected;
}

/** The one line a failure shows, on stderr and in the --json error object; URL credentials never. */
function errorMessage(error: unknown, code: number): string {
  if (error instanceof CliError) return oneLine(redactUrlCredentials(error.message));
  if (code === ExitCode.cancelled) return 'cancelled';
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${oneLine(redactUrlCredentials(message))}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
