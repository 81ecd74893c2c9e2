// The command table: a second command is one file plus one table entry, loaded only when it runs;
// generate stays the default, and a directory named like a command is reached as ./<name>.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import { defineCommand } from '../../src/cli/commands/command.js';
import { COMMANDS, type CommandEntry } from '../../src/cli/commands/table.js';
import { runCli } from '../../src/cli/run.js';
import { copyFixture, runInProcess } from '../support/cli-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

/** The real table plus the test-only echo command, each load() counted. */
function tableWithEcho() {
  const loads: string[] = [];
  const counted = (entry: CommandEntry): CommandEntry => ({ ...entry, load: () => (loads.push(entry.name), entry.load()) });
  const echo: CommandEntry = { name: 'echo', description: 'Echo the arguments (test only)', load: async () => (await import('./support/echo-command.js')).command };
  return { loads, commands: [...COMMANDS, echo].map(counted) };
}

async function run(argv: string[], commands: readonly CommandEntry[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const deps = {
    version: '1.2.3', cwd, env: {}, isTTY: false, stderrIsTTY: false, width: 100,
    stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t),
    createAsk: () => Promise.reject(new Error('no prompts')),
    projectFs: () => { throw new Error('not used'); },
    files: { isDirectory: async () => false, readExisting: async () => new Map(), apply: async () => undefined },
    resolveImage: () => Promise.reject(new Error('not used')),
  };
  const code = await runCli(argv, deps, commands);
  return { code, stdout, stderr };
}

describe('command table', () => {
  it('a command added by one file and one entry runs, with only its own module loaded', async () => {
    const { loads, commands } = tableWithEcho();
    const result = await run(['echo', 'here', '--word', 'a', '--word', 'b', '--shout'], commands);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('{"DIR":"HERE","WORD":["A","B"],"SHOUT":TRUE}\n');
    expect(loads).toEqual(['echo']);
  });

  it('<command> --help shows that command\'s flags and examples; its unknown flags are usage errors', async () => {
    const { commands } = tableWithEcho();
    const help = await run(['echo', '--help'], commands);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('create-secure-node-docker echo [dir] [options]');
    expect(help.stdout).toContain('--shout');
    expect(help.stdout).toContain('Prints {"word":["hi"]}');
    expect(help.stdout).not.toContain('--writable-dir');
    const bad = await run(['echo', '--writable-dir', 'x'], commands);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^create-secure-node-docker: Unknown argument/);
  });

  it('--help lists every command, says how to reach a directory named like one, and shows generate\'s flags', async () => {
    const { commands, loads } = tableWithEcho();
    const help = await run(['--help'], commands);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Commands:\n {2}generate +Write the Docker setup/);
    expect(help.stdout).toMatch(/ {2}echo +Echo the arguments/);
    expect(help.stdout).toContain('A directory named like a command: ./check'); // the first command after generate
    expect(help.stdout).toContain('--writable-dir');
    expect(loads).toEqual(['generate']);
    const generateHelp = await run(['generate', '--help'], commands);
    expect(generateHelp.stdout).toContain('create-secure-node-docker generate [dir] [options]');
    expect(generateHelp.stdout).toContain('--healthcheck-path');
  });

  it('generate is the default; "./echo" is the directory, "generate echo" too', async () => {
    const { dir, cleanup } = await copyFixture('express-cjs');
    cleanups.push(cleanup);
    const parent = path.dirname(dir);
    await mkdir(path.join(parent, 'echo'));
    const named = await runInProcess(['./express-cjs', '--yes', '--dry-run', '--json'], { cwd: parent });
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout).files.map((f: { action: string }) => f.action)).toContain('create');
    const explicit = await runInProcess(['generate', 'express-cjs', '--yes', '--dry-run', '--json'], { cwd: parent });
    expect(explicit.stdout).toBe(named.stdout);
    // With an echo command in the table, ./echo is still the directory (here without package.json,
    // so generate says so), while bare echo is the command.
    const { commands } = tableWithEcho();
    const dirNamedLikeCommand = await runInProcess(['./echo', '--yes'], { cwd: parent, commands });
    expect(dirNamedLikeCommand.code).toBe(2);
    expect(dirNamedLikeCommand.stderr).toMatch(/package\.json/);
    const bare = await runInProcess(['echo'], { cwd: parent, commands });
    expect(bare.stdout).toBe('{"shout":false}\n');
  });

  it('a flag\'s value type flows to run(), whichever parser read the argv', async () => {
    const seen: unknown[] = [];
    const typed = defineCommand({
      options: {
        mode: { flag: 'mode', type: 'choice', choices: ['fast', 'safe'], default: 'safe', describe: 'How' },
        tag: { flag: 'tag', type: 'list', describe: 'A tag (repeatable)' },
      },
      help: { usage: '$0 [dir] [options]', examples: [] },
      async run(values) {
        expectTypeOf(values.mode).toEqualTypeOf<'fast' | 'safe'>();
        expectTypeOf(values.tag).toEqualTypeOf<string[] | undefined>();
        expectTypeOf(values.dir).toEqualTypeOf<string | undefined>();
        seen.push(values);
        return 0;
      },
    });
    const commands: CommandEntry[] = [...COMMANDS, { name: 'typed', description: 'Typed (test only)', load: async () => typed }];
    // The first argv is the yargs-free parser's; `--mode=fast` only yargs reads.
    for (const argv of [['typed', 'here', '--mode', 'fast', '--tag', 'a'], ['typed', 'here', '--mode=fast', '--tag', 'a']]) expect((await run(argv, commands)).code).toBe(0);
    expect((await run(['typed'], commands)).code).toBe(0);
    expect(seen).toEqual([{ dir: 'here', mode: 'fast', tag: ['a'] }, { dir: 'here', mode: 'fast', tag: ['a'] }, { dir: undefined, mode: 'safe', tag: undefined }]);
  });
});
