// Issue 13 item 4: no message shows the userinfo of a URL. `--npm-registry 'https://me:pa55!x@host/'`
// used to be refused by the character check with the raw URL, password included, in the message.
import { describe, expect, test } from 'vitest';
import { redactUrlCredentials } from '../../src/core/redact.js';
import { httpUrl, printable } from '../../src/core/validate.js';
import { copyFixture, runInProcess } from '../support/cli-harness.js';

const PASSWORD = 'pa55!x';

describe('URL credentials never reach a message', () => {
  test.each([
    `https://me:${PASSWORD}@host/`,
    `https://me:${PASSWORD}@npm.example.com/repo/`,
    `http://token${PASSWORD}@127.0.0.1:4873/`,
    `https://me:${PASSWORD}@host/ with spaces`,
    `https://me:${PASSWORD}@host/\nRUN x`,
  ])('httpUrl refuses %j without echoing the password', (url) => {
    let message = '';
    try {
      httpUrl(url, '--npm-registry');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/--npm-registry must not contain credentials/);
    expect(message).not.toContain(PASSWORD);
    expect(message).not.toContain('me:');
  });

  test('printable and redactUrlCredentials hide userinfo wherever a URL stands in a text', () => {
    expect(printable(`registry=https://me:${PASSWORD}@host/x`)).toBe('registry=https://***@host/x');
    expect(redactUrlCredentials(`a https://u:p@h/ and http://v@i:1/ b`)).toBe('a https://***@h/ and http://***@i:1/ b');
    expect(redactUrlCredentials('mailto-free text with an @ sign: me@example.com')).toBe('mailto-free text with an @ sign: me@example.com');
  });

  test('the CLI: exit 2, one line, no password on stderr or stdout', async () => {
    const { dir, cleanup } = await copyFixture('express-cjs');
    try {
      for (const flag of ['--npm-registry', '--registry-mirror']) {
        const result = await runInProcess(['--yes', '--offline', '--json', flag, `https://me:${PASSWORD}@host/`], { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stderr + result.stdout).not.toContain(PASSWORD);
      }
    } finally {
      await cleanup();
    }
  });
});
